import Link from "next/link";
import { redirect } from "next/navigation";
import { ProposalComposer } from "@/modules/workspace/proposals/proposal-composer";
import { proposalValues } from "@/modules/workspace/proposals/proposal-form";
import { requirePageActor } from "@/lib/auth/page-guard";
import { loadProposalOr404 } from "./load-proposal";

export default async function CounterProposalPage({ params }: { params: Promise<{ proposalId: string }> }) {
  const actor = await requirePageActor(["creator", "brand"]);
  const { proposalId } = await params;
  const proposal = await loadProposalOr404(actor, proposalId);
  // Only the recipient of a proposal waiting for an answer can counter it.
  if (proposal.recipientId !== actor.partyId || proposal.status !== "sent") redirect(`/workspace/proposals/${proposal.id}`);
  const role = actor.role === "brand" ? "brand" : "creator";
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div>
        <Link href={`/workspace/proposals/${proposal.id}`} className="text-sm text-brand-700 hover:underline">
          ← Back to the proposal
        </Link>
        <h1 className="mt-2 text-2xl font-semibold">Counter the proposal from {proposal.senderDetails.name}</h1>
        <p className="mt-1 text-slate-600">
          The form starts with their proposal. Your counter-proposal is sent straight away and replaces theirs.
        </p>
      </div>
      <ProposalComposer
        mode={{ kind: "counter", proposalId: proposal.id, recipientName: proposal.senderDetails.name }}
        initial={proposalValues(proposal)}
        viewerRole={role}
      />
    </div>
  );
}
