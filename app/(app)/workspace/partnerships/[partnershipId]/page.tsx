import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActivityCard, CompensationCard, ContractCard, DeliverablesCard, PartiesCard } from "@/components/workspace/partnership-detail";
import { SandboxNotice } from "@/components/workspace/sandbox-notice";
import { StatusBadge } from "@/components/ui/status-badge";
import { requirePageActor } from "@/lib/auth/page-guard";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { getContract } from "@/lib/partnerships/contracts";
import { getPartnership } from "@/lib/partnerships/get-partnership";
import type { PartnershipResponse } from "@/lib/partnerships/partnership-schemas";
import { getPaymentProvider } from "@/lib/partnerships/payment-provider";

// Deliberately generic: the title must not tell a non-party whose partnership this is.
export const metadata: Metadata = { title: "Partnership" };

const isNotFound = (error: unknown) => error instanceof AppError && error.code === "resource_not_found";

export default async function PartnershipPage({ params }: { params: Promise<{ partnershipId: string }> }) {
  const actor = await requirePageActor(["creator", "brand"]);
  const { partnershipId } = await params;
  if (!isUuid(partnershipId)) notFound();

  let partnership: PartnershipResponse;
  try {
    partnership = await getPartnership({ actor, partnershipId });
  } catch (error) {
    if (isNotFound(error)) notFound();
    throw error;
  }
  const contract = partnership.contractId
    ? await getContract({ actor, partnershipId }).catch((error: unknown) => {
        if (isNotFound(error)) return null;
        throw error;
      })
    : null;
  const sandbox = getPaymentProvider().name === "sandbox";
  const other = actor.id === partnership.brandId ? partnership.creatorDetails.name : partnership.brandDetails.name;

  return (
    <div className="space-y-6">
      <div>
        <Link href="/workspace" className="text-sm text-brand-700 hover:underline">
          ← Workspace
        </Link>
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold">Partnership with {other}</h1>
          <StatusBadge status={partnership.status} testId="partnership-status" />
        </div>
        {partnership.campaignName ? <p className="mt-1 text-slate-600">{partnership.campaignName}</p> : null}
      </div>

      <div className="grid gap-6 lg:grid-cols-2">
        <PartiesCard partnership={partnership} />
        <ContractCard contract={contract} />
      </div>
      <CompensationCard partnership={partnership} sandboxNotice={sandbox ? <SandboxNotice /> : null} />
      <DeliverablesCard deliverables={partnership.deliverables} />
      <ActivityCard activity={partnership.activity} />
    </div>
  );
}
