import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalDate } from "@/components/ui/local-date";
import { SectionCard } from "@/components/ui/section-card";
import { StatusBadge } from "@/components/ui/status-badge";
import { requirePageActor } from "@/lib/auth/page-guard";
import { formatMoney } from "@/lib/format";
import { orNotFound } from "@/lib/pages/or-not-found";
import { getCampaign } from "@/lib/partnerships/get-campaign";
import { CampaignSpendFigures } from "@/modules/workspace/campaigns/campaign-spend";
import { liveStamp } from "@/lib/live/live-stamp";
import { LiveRefresh } from "@/modules/live/live-refresh";

export default async function CampaignPage({ params }: { params: Promise<{ campaignId: string }> }) {
  const actor = await requirePageActor(["brand"]);
  const { campaignId } = await params;
  const [campaign, stamp] = await Promise.all([
    orNotFound(getCampaign({ actor, campaignId })),
    liveStamp({ actor, subject: { kind: "workspace" } }),
  ]);
  return (
    <div className="space-y-6">
      <div>
        <Link href="/workspace/campaigns" className="text-sm text-brand-700 hover:underline">
          ← Campaigns
        </Link>
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold">{campaign.name}</h1>
          <StatusBadge status={campaign.status} />
        </div>
        {campaign.description ? <p className="mt-1 text-slate-600">{campaign.description}</p> : null}
        {campaign.startDate || campaign.endDate ? (
          <p className="mt-1 text-sm text-slate-600">
            {campaign.startDate ? <LocalDate value={campaign.startDate} /> : "Open start"} –{" "}
            {campaign.endDate ? <LocalDate value={campaign.endDate} /> : "open end"}
          </p>
        ) : null}
        <LiveRefresh subject={{ kind: "workspace" }} initial={stamp} />
      </div>
      <SectionCard title="Spend" id="spend-heading">
        <CampaignSpendFigures campaign={campaign} />
      </SectionCard>
      <SectionCard title={`Partnerships (${campaign.partnershipsList.length})`} id="campaign-partnerships-heading">
        {campaign.partnershipsList.length === 0 ? (
          <EmptyState title="No partnerships in this campaign yet" />
        ) : (
          <ul className="divide-y divide-slate-100">
            {campaign.partnershipsList.map((p) => (
              <li key={p.id} className="flex flex-wrap items-center justify-between gap-2 py-2" data-testid="campaign-partnership">
                <Link href={`/workspace/partnerships/${p.id}`} className="text-brand-700 hover:underline">
                  {p.creator}
                </Link>
                <span className="flex items-center gap-2 text-sm text-slate-600">
                  {formatMoney(p.amount, p.currency)} <StatusBadge status={p.status} />
                </span>
              </li>
            ))}
          </ul>
        )}
      </SectionCard>
      <SectionCard title={`Open proposals (${campaign.proposals.length})`} id="campaign-proposals-heading">
        {campaign.proposals.length === 0 ? (
          <EmptyState title="No drafts or proposals awaiting an answer" />
        ) : (
          <ul className="divide-y divide-slate-100">
            {campaign.proposals.map((p) => (
              <li key={p.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <Link href={`/workspace/proposals/${p.id}`} className="text-brand-700 hover:underline">
                  To {p.creator}
                </Link>
                <span className="flex items-center gap-2 text-sm text-slate-600">
                  {formatMoney(p.amount, p.currency)}{" "}
                  <StatusBadge status={p.status} label={p.status === "sent" ? "Awaiting their answer" : undefined} />
                </span>
              </li>
            ))}
          </ul>
        )}
      </SectionCard>
    </div>
  );
}
