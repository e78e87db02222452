import Link from "next/link";
import { ContractActions } from "@/modules/workspace/partnerships/contract-actions";
import { DeliverableActions } from "@/modules/workspace/partnerships/deliverable-actions";
import { PaymentActions, type PaymentMode } from "@/modules/workspace/partnerships/payment-actions";
import { RefreshOnFocus } from "@/modules/workspace/partnerships/refresh-on-focus";
import {
  ActivityCard,
  CompensationCard,
  CompletedBanner,
  ContractCard,
  DeliverablesCard,
  PartiesCard,
} from "@/modules/workspace/partnerships/partnership-detail";
import { SandboxNotice } from "@/components/ui/sandbox-notice";
import { StatusBadge } from "@/components/ui/status-badge";
import { requirePageActor } from "@/lib/auth/page-guard";
import { isNotFoundError, orNotFound } from "@/lib/pages/or-not-found";
import { getContract } from "@/lib/partnerships/get-contract";
import { getPartnership } from "@/lib/partnerships/get-partnership";
import { getEscrowBalances } from "@/lib/partnerships/get-escrow-balances";
import { getReleaseBlockers, type ReleaseBlocker } from "@/lib/partnerships/get-release-blockers";
import { listPartnershipPayments } from "@/lib/partnerships/list-partnership-payments";
import { stripePublishableKey } from "@/lib/payments/stripe-client";
import { getPaymentProvider } from "@/lib/payments/payment-provider";

// Deliberately generic: the title must not tell a non-party whose partnership this is.

/** Stripe Elements needs both keys; the sandbox stands in when the server has no secret key. */
function paymentMode(): PaymentMode {
  if (getPaymentProvider().name === "sandbox") return { kind: "sandbox" };
  const publishableKey = stripePublishableKey();
  return publishableKey ? { kind: "stripe", publishableKey } : { kind: "unavailable" };
}

/** Why a funded payment cannot be released yet, in the brand's words, or null. */
function releaseBlockedText(blocker: ReleaseBlocker | null | undefined): string | null {
  if (!blocker) return null;
  return `Release becomes available once every deliverable it covers is approved (${blocker.openDeliverables} of ${blocker.coveredDeliverables} still open).`;
}

export default async function PartnershipPage({ params }: { params: Promise<{ partnershipId: string }> }) {
  const actor = await requirePageActor(["creator", "brand"]);
  const { partnershipId } = await params;
  const partnership = await orNotFound(getPartnership({ actor, partnershipId }));
  const [contract, { payments }, blockers, balances] = await Promise.all([
    partnership.contractId
      ? getContract({ actor, partnershipId }).catch((error: unknown) => {
          if (isNotFoundError(error)) return null;
          throw error;
        })
      : null,
    listPartnershipPayments({ actor, partnershipId }),
    getReleaseBlockers({ actor, partnershipId }),
    getEscrowBalances({ actor, partnershipId }),
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
              releaseBlockedReason={active ? releaseBlockedText(blockers[payment.id]) : "The partnership is no longer active."}
            />,
          ]),
        )
      : {};
  const deliverableActions = Object.fromEntries(
    partnership.deliverables.map((d) => [
      d.id,
      <DeliverableActions key={d.id} partnershipId={partnershipId} deliverable={d} side={side} active={active} />,
    ]),
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
        <ContractCard
          contract={contract}
          actions={<ContractActions partnershipId={partnershipId} contract={contract} side={side} active={active} />}
        />
      </div>
      <CompensationCard
        partnership={partnership}
        balances={balances}
        sandboxNotice={mode.kind === "sandbox" ? <SandboxNotice /> : null}
        paymentActions={paymentActions}
      />
      <DeliverablesCard deliverables={partnership.deliverables} actions={deliverableActions} />
      <ActivityCard activity={partnership.activity} />
    </div>
  );
}
