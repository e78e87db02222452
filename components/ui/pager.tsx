import Link from "next/link";
import type { MouseEvent } from "react";

/**
 * Previous / next links around "Page X of Y". `hrefFor(page)` builds the URL for a page,
 * so the list's filters and sorting stay in the query string. A client list that moves
 * between pages itself (keeping what is ticked, showing progress) passes `onNavigate`;
 * the links still work without it.
 */
export function Pager({
  page,
  pages,
  hrefFor,
  onNavigate,
  label = "Pagination",
  className = "",
}: {
  page: number;
  pages: number;
  hrefFor: (page: number) => string;
  onNavigate?: (page: number) => void;
  label?: string;
  className?: string;
}) {
  const lastPage = Math.max(pages, 1);
  const previous = page > 1 ? Math.min(page - 1, lastPage) : null;
  const next = page < lastPage ? page + 1 : null;
  const link =
    "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600";
  const disabled = "rounded-md border border-slate-200 bg-slate-50 px-3 py-1.5 text-sm font-medium text-slate-400";
  const go = (target: number) =>
    onNavigate
      ? (event: MouseEvent<HTMLAnchorElement>) => {
          event.preventDefault();
          onNavigate(target);
        }
      : undefined;
  return (
    <nav aria-label={label} className={`flex items-center justify-between gap-3 ${className}`}>
      {previous !== null ? (
        <Link href={hrefFor(previous)} rel="prev" className={link} onClick={go(previous)} scroll={onNavigate ? false : undefined}>
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
        <Link href={hrefFor(next)} rel="next" className={link} onClick={go(next)} scroll={onNavigate ? false : undefined}>
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
