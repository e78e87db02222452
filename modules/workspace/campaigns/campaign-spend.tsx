import { StatCard } from "@/components/ui/stat-card";
import { formatMoney } from "@/lib/format";
import type { CampaignSummary } from "@/lib/partnerships/schemas/campaigns";

/** A campaign's budget against its spend; the definitions sit under the figures, where they are read. */
export function CampaignSpendFigures({ campaign }: { campaign: CampaignSummary }) {
  const { spend, currency } = campaign;
  const money = (value: number) => formatMoney(value, currency);
  const used = spend.budget ? Math.min(100, Math.round((spend.committed / spend.budget) * 100)) : null;
  return (
    <div className="space-y-3">
      <dl className="grid grid-cols-2 gap-3 lg:grid-cols-5">
        <StatCard name="budget" label="Budget" value={spend.budget === null ? "None set" : money(spend.budget)} />
        <StatCard name="committed" label="Committed" value={money(spend.committed)} />
        <StatCard name="held" label="Held in escrow" value={money(spend.held)} />
        <StatCard name="released" label="Released" value={money(spend.released)} />
        <StatCard
          name="remaining"
          label={spend.remaining !== null && spend.remaining < 0 ? "Over budget" : "Left to commit"}
          value={spend.remaining === null ? "—" : money(Math.abs(spend.remaining))}
        />
      </dl>
      {used !== null ? (
        <div>
          <div
            className="h-2 w-full overflow-hidden rounded bg-slate-100"
            role="meter"
            aria-label="Budget committed"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={used}
          >
            <div
              className={`h-full ${spend.remaining !== null && spend.remaining < 0 ? "bg-red-600" : "bg-brand-600"}`}
              style={{ width: `${used}%` }}
            />
          </div>
          <p className="mt-1 text-xs text-slate-600">{used}% of the budget committed.</p>
        </div>
      ) : null}
      <p className="text-xs text-slate-600">
        <strong>Committed</strong> is the compensation of the campaign&apos;s active and completed partnerships, plus what was released
        under terminated ones. <strong>Held in escrow</strong> is what you have paid in and not yet released; <strong>released</strong> is
        what has been paid out of escrow to creators. Both are escrow-ledger balances. Sent proposals awaiting an answer add{" "}
        {money(spend.proposed)} if accepted.
        {spend.otherCurrencyPartnerships > 0
          ? ` ${spend.otherCurrencyPartnerships} partnership${spend.otherCurrencyPartnerships === 1 ? " is" : "s are"} in another currency and not counted.`
          : ""}
      </p>
    </div>
  );
}
