import Link from "next/link";
import { ProposalComposer } from "@/modules/workspace/proposals/proposal-composer";
import { emptyProposal } from "@/modules/workspace/proposals/proposal-form";
import { requirePageActor } from "@/lib/auth/page-guard";
import { listCounterparts } from "@/lib/partnerships/list-counterparts";

export default async function NewProposalPage() {
  const actor = await requirePageActor(["creator", "brand"]);
  const counterparts = await listCounterparts({ actor });
  const role = actor.role === "brand" ? "brand" : "creator";
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div>
        <Link href="/workspace" className="text-sm text-brand-700 hover:underline">
          ← Workspace
        </Link>
        <h1 className="mt-2 text-2xl font-semibold">New proposal</h1>
        <p className="mt-1 text-slate-600">Save it as a draft to finish later, or send it now.</p>
      </div>
      <ProposalComposer mode={{ kind: "create" }} initial={emptyProposal()} counterparts={counterparts} viewerRole={role} />
    </div>
  );
}
