import Link from "next/link";
import { notFound } from "next/navigation";
import { ContractActions } from "@/modules/workspace/partnerships/contract-actions";
import { DeliverableActions } from "@/modules/workspace/partnerships/deliverable-actions";
import { PaymentActions, type PaymentMode } from "@/modules/workspace/partnerships/payment-actions";
import { RefreshOnFocus } from "@/modules/workspace/partnerships/refresh-on-focus";
import { ActivityCard, CompensationCard, CompletedBanner, ContractCard, DeliverablesCard, PartiesCard } from "@/modules/workspace/partnerships/partnership-detail";
import { SandboxNotice } from "@/modules/workspace/partnerships/sandbox-notice";
import { StatusBadge } from "@/components/ui/status-badge";
import { requirePageActor } from "@/lib/auth/page-guard";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { getContract } from "@/lib/partnerships/contracts";
import { getPartnership } from "@/lib/partnerships/get-partnership";
import type { PartnershipResponse } from "@/lib/partnerships/partnership-schemas";
import { getPaymentProvider } from "@/lib/partnerships/payment-provider";
import { listPayments } from "@/lib/partnerships/payments";

// Deliberately generic: the title must not tell a non-party whose partnership this is.

const isNotFound = (error: unknown) => error instanceof AppError && error.code === "resource_not_found";

/** Stripe Elements needs both keys; the sandbox stands in when the server has no secret key. */
function paymentMode(): PaymentMode {
  if (getPaymentProvider().name === "sandbox") return { kind: "sandbox" };
  const publishableKey = process.env.STRIPE_PUBLISHABLE_KEY;
  return publishableKey ? { kind: "stripe", publishableKey } : { kind: "unavailable" };
}

/** For each funded payment, why it cannot be released yet (deliverables it covers not approved), or null. */
async function releaseBlockers(partnership: PartnershipResponse): Promise<Record<string, string | null>> {
  const funded = partnership.compensation.payments.filter((p) => p.status === "in_progress").map((p) => p.id);
  if (funded.length === 0) return {};
  const links = await getDb().partnershipPaymentDeliverable.findMany({ where: { paymentId: { in: funded } }, select: { paymentId: true, deliverableId: true } });
  const approved = new Set(partnership.deliverables.filter((d) => d.status === "approved").map((d) => d.id));
  return Object.fromEntries(
    funded.map((id) => {
      const covered = links.filter((l) => l.paymentId === id);
      const open = covered.filter((l) => !approved.has(l.deliverableId)).length;
      return [id, open > 0 ? `Release becomes available once every deliverable it covers is approved (${open} of ${covered.length} still open).` : null];
    }),
  );
}

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
  const [contract, { payments }, blockers] = await Promise.all([
    partnership.contractId
      ? getContract({ actor, partnershipId }).catch((error: unknown) => {
          if (isNotFound(error)) return null;
          throw error;
        })
      : null,
    listPayments({ actor, partnershipId }),
    releaseBlockers(partnership),
  ]);
  const mode = paymentMode();
  const side = actor.id === partnership.brandId ? "brand" : "creator";
  const other = side === "brand" ? partnership.creatorDetails.name : partnership.brandDetails.name;
  const active = partnership.status === "active";

  const paymentActions =
    side === "brand"
      ? Object.fromEntries(
          payments.map((payment) => [
            payment.id,
            <PaymentActions
              key={payment.id}
              partnershipId={partnershipId}
              payment={payment}
              mode={mode}
              contractActive={active && contract?.status === "active"}
              releaseBlockedReason={active ? (blockers[payment.id] ?? null) : "The partnership is no longer active."}
            />,
          ]),
        )
      : {};
  const deliverableActions = Object.fromEntries(
    partnership.deliverables.map((d) => [d.id, <DeliverableActions key={d.id} partnershipId={partnershipId} deliverable={d} side={side} active={active} />]),
  );

  return (
    <div className="space-y-6">
      <RefreshOnFocus />
      <div>
        <Link href="/workspace" className="text-sm text-brand-700 hover:underline">
          ← Workspace
        </Link>
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold">Partnership with {other}</h1>
          <StatusBadge status={partnership.status} testId="partnership-status" />
        </div>
        {partnership.campaignName ? <p className="mt-1 text-slate-600">{partnership.campaignName}</p> : null}
        <p className="mt-1 text-sm text-slate-600">You are the {side} in this partnership.</p>
      </div>

      <CompletedBanner partnership={partnership} />

      <div className="grid gap-6 lg:grid-cols-2">
        <PartiesCard partnership={partnership} />
        <ContractCard contract={contract} actions={<ContractActions partnershipId={partnershipId} contract={contract} side={side} active={active} />} />
      </div>
      <CompensationCard partnership={partnership} sandboxNotice={mode.kind === "sandbox" ? <SandboxNotice /> : null} paymentActions={paymentActions} />
      <DeliverablesCard deliverables={partnership.deliverables} actions={deliverableActions} />
      <ActivityCard activity={partnership.activity} />
    </div>
  );
}
