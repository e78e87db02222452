import Link from "next/link";
import { StatusBadge } from "@/components/ui/status-badge";
import { DraftActions, RecipientActions } from "@/modules/workspace/proposals/proposal-actions";
import {
  ProposalChainCard,
  ProposalCompensationCard,
  ProposalDeliverablesCard,
  ProposalHistoryCard,
  ProposalSummaryCard,
  ProposalTermsCard,
} from "@/modules/workspace/proposals/proposal-detail";
import { requirePageActor } from "@/lib/auth/page-guard";
import { getProposalChain } from "@/lib/partnerships/get-proposal-chain";
import { getProposalPartnershipId } from "@/lib/partnerships/get-proposal-partnership-id";
import { liveStamp } from "@/lib/live/live-stamp";
import { LiveRefresh } from "@/modules/live/live-refresh";
import { loadProposalOr404 } from "./load-proposal";
import { proposalStatusLabel } from "./proposal-status-label";
import { ProposalChangesCard } from "./proposal-changes-card";
import { COUNTER_NOTE } from "@/lib/partnerships/counter-proposal";
import { proposalChanges } from "./proposal-diff";
import { getProposal } from "@/lib/partnerships/get-proposal";

// Deliberately generic: the title must not tell a non-party whose proposal this is.

/** The message a counter-proposal was sent with: the note of its creation, unless it is the default one. */
function counterMessage(proposal: Awaited<ReturnType<typeof loadProposalOr404>>) {
  const created = proposal.history.find((event) => event.action === "created");
  return created?.note && created.note !== COUNTER_NOTE ? { from: proposal.senderDetails.name, text: created.note } : null;
}

export default async function ProposalPage({ params }: { params: Promise<{ proposalId: string }> }) {
  const actor = await requirePageActor(["creator", "brand"]);
  const { proposalId } = await params;
  const proposal = await loadProposalOr404(actor, proposalId);
  const [chain, partnershipId, stamp, answered] = await Promise.all([
    getProposalChain({ actor, proposalId }),
    getProposalPartnershipId({ actor, proposalId }),
    liveStamp({ actor, subject: { kind: "proposal", id: proposalId } }),
    // Both proposals are between the same two parties, so the reader may see the one this answers.
    proposal.counterOfId ? getProposal({ actor, proposalId: proposal.counterOfId }) : null,
  ]);
  const isSender = proposal.senderId === actor.partyId;
  const kind = proposal.counterOfId ? "Counter-proposal" : "Proposal";
  const title = isSender ? `${kind} to ${proposal.recipientDetails.name}` : `${kind} from ${proposal.senderDetails.name}`;

  return (
    <div className="space-y-6">
      <div>
        <Link href="/workspace" className="text-sm text-brand-700 hover:underline">
          ← Workspace
        </Link>
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold">{title}</h1>
          <StatusBadge
            status={proposal.status}
            label={proposalStatusLabel(proposal.status, isSender ? "sender" : "recipient")}
            testId="proposal-status"
          />
        </div>
        {proposal.campaignName ? <p className="mt-1 text-slate-600">{proposal.campaignName}</p> : null}
        <LiveRefresh subject={{ kind: "proposal", id: proposal.id }} initial={stamp} />
      </div>

      {partnershipId ? (
        <div className="rounded-lg border border-emerald-300 bg-emerald-50 p-4 text-emerald-900">
          <p className="font-semibold">This proposal was accepted and started a partnership.</p>
          <Link
            href={`/workspace/partnerships/${partnershipId}`}
            className="mt-1 inline-block font-medium text-brand-700 underline"
            data-testid="partnership-link"
          >
            Open the partnership
          </Link>
        </div>
      ) : null}

      {isSender && (proposal.status === "draft" || proposal.status === "sent") ? (
        <DraftActions proposalId={proposal.id} isDraft={proposal.status === "draft"} />
      ) : null}
      {!isSender && proposal.status !== "draft" ? <RecipientActions proposalId={proposal.id} open={proposal.status === "sent"} /> : null}

      {answered ? <ProposalChangesCard changes={proposalChanges(answered, proposal)} message={counterMessage(proposal)} /> : null}

      <div className="grid gap-6 lg:grid-cols-2">
        <ProposalSummaryCard proposal={proposal} />
        <ProposalCompensationCard proposal={proposal} />
      </div>
      <ProposalDeliverablesCard deliverables={proposal.deliverables} />
      <ProposalTermsCard terms={proposal.terms} />
      <ProposalChainCard chain={chain} currentId={proposal.id} />
      <ProposalHistoryCard proposal={proposal} />
    </div>
  );
}
