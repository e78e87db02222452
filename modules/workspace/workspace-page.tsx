import Link from "next/link";
import { PartnershipList } from "@/modules/workspace/partnerships/partnership-list";
import { ProposalList } from "@/modules/workspace/proposals/proposal-list";
import { FilterNav } from "@/components/ui/filter-nav";
import { requirePageActor } from "@/lib/auth/page-guard";
import { labelFor } from "@/lib/humanize";
import { listPartnerships } from "@/lib/partnerships/list-partnerships";
import { PROPOSAL_STATUSES } from "@/lib/partnerships/schemas/proposals";
import { listProposals } from "@/lib/partnerships/list-proposals";
import { liveStamp } from "@/lib/live/live-stamp";
import { LiveRefresh } from "@/modules/live/live-refresh";
import { ActionList } from "@/modules/live/action-list";
import { listActionItems } from "@/lib/events/list-action-items";
import { listUnfinishedProposals } from "@/lib/partnerships/unfinished-proposals";
import { roleAllows } from "@/lib/organizations/permissions";
import { UnfinishedList } from "@/modules/workspace/proposals/unfinished-list";

type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

const LIMIT = 100;

function parseStatus(value: string | string[] | undefined): ProposalStatus | null {
  const raw = Array.isArray(value) ? value[0] : value;
  return (PROPOSAL_STATUSES as readonly string[]).includes(raw ?? "") ? (raw as ProposalStatus) : null;
}

export default async function WorkspacePage({ searchParams }: { searchParams: Promise<{ status?: string | string[] }> }) {
  const actor = await requirePageActor(["creator", "brand"]);
  const status = parseStatus((await searchParams).status);
  const proposalQuery = { page: 1, limit: LIMIT, ...(status ? { status } : {}) };
  const [partnerships, received, sent, stamp, actionItems, unfinished] = await Promise.all([
    listPartnerships({ actor, query: { page: 1, limit: LIMIT } }),
    listProposals({ actor, query: { ...proposalQuery, role: "recipient" } }),
    listProposals({ actor, query: { ...proposalQuery, role: "sender" } }),
    liveStamp({ actor, subject: { kind: "workspace" } }),
    listActionItems({ actor }),
    listUnfinishedProposals({ actor }),
  ]);
  const filtered = status ? ` with status “${labelFor(status)}”` : "";

  return (
    <div className="space-y-10">
      <section className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Partnerships workspace</h1>
          <p className="mt-1 text-slate-600">Signed in as {actor.email}. Proposals, contracts, deliverables and escrow payments.</p>
          <LiveRefresh subject={{ kind: "workspace" }} initial={stamp} />
        </div>
        <Link
          href="/workspace/proposals/new"
          className="inline-flex items-center justify-center rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
        >
          New proposal
        </Link>
      </section>

      <ActionList items={actionItems} />

      <section aria-labelledby="partnerships-heading" className="space-y-3">
        <div className="flex items-baseline justify-between">
          <h2 id="partnerships-heading" className="text-lg font-semibold">
            Partnerships
          </h2>
          <span className="text-sm text-slate-500">{partnerships.pagination.total} in total</span>
        </div>
        <PartnershipList partnerships={partnerships.partnerships} viewerId={actor.partyId} />
        {partnerships.pagination.total > partnerships.partnerships.length ? (
          <p className="text-sm text-slate-500">Showing the newest {partnerships.partnerships.length}.</p>
        ) : null}
      </section>

      <section aria-labelledby="proposals-heading" className="space-y-4">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="proposals-heading" className="text-lg font-semibold">
            Proposals
          </h2>
          <FilterNav
            label="Filter proposals by status"
            look="pills"
            options={[null, ...PROPOSAL_STATUSES].map((value) => ({
              key: value ?? "all",
              label: value ? labelFor(value) : "All",
              href: value ? `/workspace?status=${value}` : "/workspace",
              current: value === status,
            }))}
          />
        </div>
        <UnfinishedList items={unfinished} canWork={roleAllows(actor.memberRole, "work")} />
        <div className="grid gap-6 lg:grid-cols-2">
          <section aria-labelledby="received-heading" className="space-y-2">
            <h3 id="received-heading" className="font-semibold text-slate-800">
              Received <span className="font-normal text-slate-500">({received.pagination.total})</span>
            </h3>
            <ProposalList
              proposals={received.proposals}
              direction="received"
              emptyTitle={`No received proposals${filtered}`}
              emptyText={status ? "Try another status filter." : "Proposals sent to you will appear here."}
            />
          </section>
          <section aria-labelledby="sent-heading" className="space-y-2">
            <h3 id="sent-heading" className="font-semibold text-slate-800">
              Sent <span className="font-normal text-slate-500">({sent.pagination.total})</span>
            </h3>
            <ProposalList
              proposals={sent.proposals}
              direction="sent"
              emptyTitle={`No sent proposals${filtered}`}
              emptyText={status ? "Try another status filter." : "Proposals you send will appear here."}
            />
          </section>
        </div>
      </section>
    </div>
  );
}
