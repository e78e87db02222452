import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { SectionCard } from "@/components/ui/section-card";
import { StatusBadge } from "@/components/ui/status-badge";
import { requirePageActor } from "@/lib/auth/page-guard";
import { formatMoney } from "@/lib/format";
import { roleAllows } from "@/lib/organizations/permissions";
import { listCampaigns } from "@/lib/partnerships/list-campaigns";
import { CURRENCIES } from "@/modules/workspace/proposals/proposal-form";
import { CampaignForm } from "@/modules/workspace/campaigns/campaign-form";
import { liveStamp } from "@/lib/live/live-stamp";
import { LiveRefresh } from "@/modules/live/live-refresh";

export default async function CampaignsPage() {
  const actor = await requirePageActor(["brand"]);
  const [campaigns, stamp] = await Promise.all([listCampaigns({ actor }), liveStamp({ actor, subject: { kind: "workspace" } })]);
  return (
    <div className="space-y-6">
      <div>
        <Link href="/workspace" className="text-sm text-brand-700 hover:underline">
          ← Workspace
        </Link>
        <h1 className="mt-2 text-2xl font-semibold">Campaigns</h1>
        <p className="mt-1 text-slate-600">Each campaign&apos;s budget against what its partnerships commit and what has been released.</p>
        <LiveRefresh subject={{ kind: "workspace" }} initial={stamp} />
      </div>
      <SectionCard title={`Your campaigns (${campaigns.length})`} id="campaigns-heading">
        {campaigns.length === 0 ? (
          <EmptyState title="No campaigns yet" />
        ) : (
          <ul className="divide-y divide-slate-100" data-testid="campaign-list">
            {campaigns.map((c) => (
              <li key={c.id} className="py-3" data-testid="campaign-row">
                <div className="flex flex-wrap items-center gap-2">
                  <Link href={`/workspace/campaigns/${c.id}`} className="font-medium text-brand-700 hover:underline">
                    {c.name}
                  </Link>
                  <StatusBadge status={c.status} />
                </div>
                <p className="mt-1 text-sm text-slate-600">
                  {formatMoney(c.spend.committed, c.currency)} committed
                  {c.spend.budget !== null ? ` of ${formatMoney(c.spend.budget, c.currency)}` : ""} ·{" "}
                  {formatMoney(c.spend.released, c.currency)} released · {c.spend.partnerships}{" "}
                  {c.spend.partnerships === 1 ? "partnership" : "partnerships"}
                </p>
              </li>
            ))}
          </ul>
        )}
      </SectionCard>
      {roleAllows(actor.memberRole, "work") ? (
        <SectionCard title="New campaign" id="new-campaign-heading">
          <CampaignForm currencies={CURRENCIES} />
        </SectionCard>
      ) : null}
    </div>
  );
}
