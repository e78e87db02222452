import type { ProposalChange } from "./proposal-diff";

/** On a counter-proposal: what it changed from the proposal it answers. */
export function ProposalChangesCard({ changes, message }: { changes: ProposalChange[]; message?: { from: string; text: string } | null }) {
  return (
    <section aria-labelledby="changes-heading" className="rounded-lg border border-sky-200 bg-sky-50/60 p-4 shadow-sm sm:p-5">
      <h2 id="changes-heading" className="text-lg font-semibold">
        What this counter-proposal changes
      </h2>
      {message ? (
        <blockquote
          className="mt-2 border-l-4 border-sky-300 pl-3 text-sm whitespace-pre-line text-slate-800"
          data-testid="counter-message"
        >
          <p className="text-xs font-medium text-slate-600">{message.from} wrote:</p>
          {message.text}
        </blockquote>
      ) : null}
      {changes.length === 0 ? (
        <p className="mt-2 text-sm text-slate-700">Nothing: it offers the same terms as the proposal it answers.</p>
      ) : (
        <dl className="mt-3 divide-y divide-sky-200 text-sm" data-testid="proposal-changes">
          {changes.map((change) => (
            <div key={change.field} className="grid gap-1 py-2 sm:grid-cols-[10rem_1fr]" data-testid="proposal-change">
              <dt className="font-medium text-slate-900">{change.field}</dt>
              <dd className="min-w-0 text-slate-700">
                <del className="text-slate-500">{change.before}</del> <span aria-hidden="true">→</span>
                <span className="sr-only"> changed to </span> <ins className="font-medium text-slate-900 no-underline">{change.after}</ins>
              </dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
