import Link from "next/link";

/**
 * Previous / next links around "Page X of Y". `hrefFor(page)` builds the URL for a page,
 * so the list's filters and sorting stay in the query string.
 */
export function SponsorshipPagination({
  page,
  pages,
  hrefFor,
  label = "Pagination",
}: {
  page: number;
  pages: number;
  hrefFor: (page: number) => string;
  label?: string;
}) {
  const lastPage = Math.max(pages, 1);
  const previous = page > 1 ? Math.min(page - 1, lastPage) : null;
  const next = page < lastPage ? page + 1 : null;
  const link = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600";
  const disabled = "rounded-md border border-slate-200 bg-slate-50 px-3 py-1.5 text-sm font-medium text-slate-400";
  return (
    <nav aria-label={label} className="flex items-center justify-between gap-3">
      {previous !== null ? (
        <Link href={hrefFor(previous)} rel="prev" className={link}>
          ← Previous
        </Link>
      ) : (
        <span className={disabled} aria-disabled="true">
          ← Previous
        </span>
      )}
      <p className="text-sm text-slate-600" data-testid="page-indicator" aria-live="polite">
        Page {page} of {lastPage}
      </p>
      {next !== null ? (
        <Link href={hrefFor(next)} rel="next" className={link}>
          Next →
        </Link>
      ) : (
        <span className={disabled} aria-disabled="true">
          Next →
        </span>
      )}
    </nav>
  );
}
