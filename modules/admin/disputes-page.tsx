import { LocalDate } from "@/components/ui/local-date";
import { ResolveDisputeForm } from "@/modules/admin/resolve-dispute-form";
import { requirePageActor } from "@/lib/auth/page-guard";
import { formatMoney } from "@/lib/format";
import { listOpenDisputes } from "@/lib/partnerships/list-open-disputes";

/** The admins' queue of open partnership disputes, oldest first, each with its resolution form. */
export default async function DisputesPage() {
  const actor = await requirePageActor(["admin"]);
  const items = await listOpenDisputes({ actor });
  return (
    <section aria-labelledby="disputes-title" className="space-y-4">
      <div>
        <h1 id="disputes-title" className="text-2xl font-semibold">
          Disputes
        </h1>
        <p className="mt-1 text-slate-600">
          Open disputes between creators and brands: {items.length}. While a dispute is open, the money it concerns stays in escrow and a
          disputed deliverable&apos;s review is paused. Your decision moves the money and is shown to both parties.
        </p>
      </div>
      {items.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-slate-600">No dispute is open.</p>
      ) : (
        <ul className="space-y-3">
          {items.map(({ dispute, creatorName, brandName }) => (
            <li key={dispute.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="open-dispute">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <p className="font-medium">
                  {brandName} ↔ {creatorName}
                </p>
                <p className="text-sm text-slate-600">
                  Opened by {dispute.openedBy.name} · <LocalDate value={dispute.createdAt} />
                </p>
              </div>
              <p className="mt-1 text-sm text-slate-700">
                {dispute.subject.kind === "deliverable" ? "Deliverable" : "Payment"}: {dispute.subject.label} · in escrow:{" "}
                {formatMoney(dispute.disputedAmount, dispute.currency)}
              </p>
              <p className="mt-2 text-sm">{dispute.reason}</p>
              {dispute.evidenceUrls.length > 0 ? (
                <ul className="mt-2 list-disc pl-5 text-sm">
                  {dispute.evidenceUrls.map((url) => (
                    <li key={url}>
                      <a href={url} rel="noopener noreferrer nofollow" target="_blank" className="break-all text-brand-700 hover:underline">
                        {url}
                      </a>
                    </li>
                  ))}
                </ul>
              ) : null}
              <div className="mt-3 border-t border-slate-100 pt-3">
                <ResolveDisputeForm
                  partnershipId={dispute.partnershipId}
                  disputeId={dispute.id}
                  disputedAmount={dispute.disputedAmount}
                  currency={dispute.currency}
                />
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
