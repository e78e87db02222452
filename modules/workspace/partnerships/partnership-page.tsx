import Link from "next/link";
import { ContractActions } from "@/modules/workspace/partnerships/contract-actions";
import { DeliverableActions } from "@/modules/workspace/partnerships/deliverable-actions";
import { ReviewHistory } from "@/modules/workspace/partnerships/review-history";
import { listDeliverableReviews } from "@/lib/partnerships/list-deliverable-reviews";
import { roleAllows } from "@/lib/organizations/permissions";
import { PaymentActions, type PaymentMode } from "@/modules/workspace/partnerships/payment-actions";
import { CancelPayment } from "@/modules/workspace/partnerships/payment-plan-controls";
import { PaymentTrigger } from "@/modules/workspace/partnerships/payment-trigger";
import { PayoutStatus } from "@/modules/workspace/partnerships/payout-status";
import { PartnershipStatusBadge } from "@/modules/workspace/partnerships/partnership-status-badge";
import { DisputesCard } from "@/modules/workspace/partnerships/disputes-card";
import { EndPartnership } from "@/modules/workspace/partnerships/end-partnership";
import { OpenDisputeForm } from "@/modules/workspace/partnerships/open-dispute-form";
import { TerminatedBanner } from "@/modules/workspace/partnerships/terminated-banner";
import {
  ActivityCard,
  CompensationCard,
  CompletedBanner,
  ContractCard,
  DeliverablesCard,
  PartiesCard,
} from "@/modules/workspace/partnerships/partnership-detail";
import { SandboxNotice } from "@/components/ui/sandbox-notice";
import { LiveRefresh } from "@/modules/live/live-refresh";
import { liveStamp } from "@/lib/live/live-stamp";
import { requirePageActor } from "@/lib/auth/page-guard";
import { isNotFoundError, orNotFound } from "@/lib/pages/or-not-found";
import { getContract } from "@/lib/partnerships/get-contract";
import { getPartnership } from "@/lib/partnerships/get-partnership";
import { getEscrowBalances } from "@/lib/partnerships/get-escrow-balances";
import { getTerminationPreview } from "@/lib/partnerships/get-termination-preview";
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
  const [contract, { payments }, blockers, balances, stamp, reviews] = await Promise.all([
    partnership.contractId
      ? getContract({ actor, partnershipId }).catch((error: unknown) => {
          if (isNotFoundError(error)) return null;
          throw error;
        })
      : null,
    listPartnershipPayments({ actor, partnershipId }),
    getReleaseBlockers({ actor, partnershipId }),
    getEscrowBalances({ actor, partnershipId }),
    liveStamp({ actor, subject: { kind: "partnership", id: partnershipId } }),
    listDeliverableReviews({ actor, partnershipId }),
  ]);
  const mode = paymentMode();
  const side = actor.partyId === partnership.brandId ? "brand" : "creator";
  const other = side === "brand" ? partnership.creatorDetails.name : partnership.brandDetails.name;
  const active = partnership.status === "active";
  const terminationPreview = active ? await getTerminationPreview({ actor, partnershipId }) : null;

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
      // Work is submitted and reviewed only under a contract both parties have signed.
      <DeliverableActions
        key={d.id}
        partnershipId={partnershipId}
        deliverable={d}
        previousLink={reviews[d.id]?.versions.at(-1)?.link ?? null}
        side={side}
        active={active && contract?.status === "active"}
      />,
    ]),
  );

  // Either party may dispute money held in escrow, or work still under review, once the contract is active.
  const disputed = new Set(partnership.disputes.filter((d) => d.status === "open").map((d) => d.subject.id));
  const disputable = active && contract?.status === "active";
  const paymentControls = Object.fromEntries(
    payments.map((payment) => [
      payment.id,
      <div key={payment.id}>
        <PaymentTrigger payment={payment} deliverables={partnership.deliverables} />
        <PayoutStatus payment={payment} side={side} />
        {paymentActions[payment.id] ?? null}
        {side === "brand" && active && (payment.status === "pending" || payment.status === "failed") ? (
          <CancelPayment partnershipId={partnershipId} payment={payment} />
        ) : null}
        {disputable && payment.status === "in_progress" && !disputed.has(payment.id) ? (
          <OpenDisputeForm partnershipId={partnershipId} target={{ paymentId: payment.id }} label={`the ${payment.type} payment`} />
        ) : null}
      </div>,
    ]),
  );
  const deliverableControls = Object.fromEntries(
    partnership.deliverables.map((d) => [
      d.id,
      <div key={d.id}>
        {deliverableActions[d.id]}
        {disputable && ["pending", "in_progress", "submitted"].includes(d.status) && !disputed.has(d.id) ? (
          <OpenDisputeForm partnershipId={partnershipId} target={{ deliverableId: d.id }} label={`“${d.description}”`} />
        ) : null}
        {disputed.has(d.id) ? (
          <p className="mt-2 text-sm text-amber-800">A dispute is open on this deliverable: its review is paused.</p>
        ) : null}
      </div>,
    ]),
  );

  return (
    <div className="space-y-6">
      <div>
        <Link href="/workspace" className="text-sm text-brand-700 hover:underline">
          ← Workspace
        </Link>
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold">Partnership with {other}</h1>
          <PartnershipStatusBadge status={partnership.status} contractStatus={partnership.contractStatus} testId="partnership-status" />
        </div>
        {partnership.campaignName ? <p className="mt-1 text-slate-600">{partnership.campaignName}</p> : null}
        <p className="mt-1 text-sm text-slate-600">You are the {side} in this partnership.</p>
        <LiveRefresh subject={{ kind: "partnership", id: partnershipId }} initial={stamp} />
      </div>

      <CompletedBanner partnership={partnership} />
      <TerminatedBanner partnership={partnership} />

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
        paymentActions={paymentControls}
      />
      <DeliverablesCard
        deliverables={partnership.deliverables}
        actions={deliverableControls}
        history={Object.fromEntries(
          partnership.deliverables.map((d) => [
            d.id,
            <ReviewHistory
              key={d.id}
              partnershipId={partnershipId}
              deliverableId={d.id}
              review={reviews[d.id]}
              canComment={roleAllows(actor.memberRole, "work")}
            />,
          ]),
        )}
      />
      <DisputesCard disputes={partnership.disputes} />
      <ActivityCard activity={partnership.activity} />
      {terminationPreview ? <EndPartnership partnershipId={partnershipId} preview={terminationPreview} /> : null}
    </div>
  );
}
