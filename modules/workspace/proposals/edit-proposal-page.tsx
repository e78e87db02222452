import Link from "next/link";
import { redirect } from "next/navigation";
import { ProposalComposer } from "@/modules/workspace/proposals/proposal-composer";
import { proposalValues } from "@/modules/workspace/proposals/proposal-form";
import { requirePageActor } from "@/lib/auth/page-guard";
import { listCounterparts } from "@/lib/partnerships/list-counterparts";
import { listCampaignChoices } from "@/lib/partnerships/list-campaigns";
import { loadProposalOr404 } from "./load-proposal";

export default async function EditProposalPage({ params }: { params: Promise<{ proposalId: string }> }) {
  const actor = await requirePageActor(["creator", "brand"]);
  const { proposalId } = await params;
  const proposal = await loadProposalOr404(actor, proposalId);
  // Only the sender's drafts can be edited; everyone else sees the proposal itself.
  if (proposal.senderId !== actor.partyId || proposal.status !== "draft") redirect(`/workspace/proposals/${proposal.id}`);
  const [counterparts, campaigns] = await Promise.all([listCounterparts({ actor }), listCampaignChoices({ actor })]);
  const role = actor.role === "brand" ? "brand" : "creator";
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div>
        <Link href={`/workspace/proposals/${proposal.id}`} className="text-sm text-brand-700 hover:underline">
          ← Back to the draft
        </Link>
        <h1 className="mt-2 text-2xl font-semibold">Edit draft proposal</h1>
        <p className="mt-1 text-slate-600">Save your changes, or send the proposal to {proposal.recipientDetails.name}.</p>
      </div>
      <ProposalComposer
        mode={{ kind: "edit", proposalId: proposal.id }}
        initial={proposalValues(proposal)}
        counterparts={counterparts}
        campaigns={campaigns}
        viewerRole={role}
      />
    </div>
  );
}
