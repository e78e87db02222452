import Link from "next/link";
import { ProposalComposer } from "@/modules/workspace/proposals/proposal-composer";
import { emptyProposal, valuesOfUnfinished } from "@/modules/workspace/proposals/proposal-form";
import { orNotFound } from "@/lib/pages/or-not-found";
import { getUnfinishedProposal } from "@/lib/partnerships/unfinished-proposals";
import { requirePageActor } from "@/lib/auth/page-guard";
import { listCounterparts } from "@/lib/partnerships/list-counterparts";
import { listCampaignChoices } from "@/lib/partnerships/list-campaigns";

export default async function NewProposalPage({ searchParams }: { searchParams: Promise<{ unfinished?: string }> }) {
  const actor = await requirePageActor(["creator", "brand"]);
  const { unfinished: unfinishedId } = await searchParams;
  const unfinished = unfinishedId ? await orNotFound(getUnfinishedProposal({ actor, id: unfinishedId })) : null;
  const [counterparts, campaigns] = await Promise.all([listCounterparts({ actor }), listCampaignChoices({ actor })]);
  const role = actor.role === "brand" ? "brand" : "creator";
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div>
        <Link href="/workspace" className="text-sm text-brand-700 hover:underline">
          ← Workspace
        </Link>
        <h1 className="mt-2 text-2xl font-semibold">New proposal</h1>
        <p className="mt-1 text-slate-600">Save it as a draft to finish later (even before every field is filled), or send it now.</p>
      </div>
      <ProposalComposer
        mode={{ kind: "create", unfinishedId: unfinished?.id }}
        initial={unfinished ? valuesOfUnfinished(unfinished.fields) : emptyProposal()}
        counterparts={counterparts}
        campaigns={campaigns}
        viewerRole={role}
      />
    </div>
  );
}
