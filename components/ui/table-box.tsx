"use client";

import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from "react";
import { csvDocument } from "@/lib/csv";
import { CONTROL_CLASS } from "./field";

/**
 * Search sent to the server: a GET form to the page's own path keeping its other filters,
 * so the list service searches every page, not just the one shown.
 */
export interface ServerSearch {
  action: string;
  q: string;
  /** The query parameter the search is sent as; `q` by default (a page with two searched tables names the second apart). */
  name?: string;
  /** The page's other query parameters (filters, sort), kept as hidden fields; `page` is left out so a search starts on page 1. */
  params?: Record<string, string>;
  placeholder?: string;
}

export interface TableBoxProps {
  /** Names the scroll box for screen readers, e.g. "Sponsorships table". */
  label: string;
  children?: ReactNode;
  /** Shown in place of the table when there are no rows (the search stays, so it can be changed). */
  empty?: ReactNode;
  /** Classes on the outer element (margins). */
  className?: string;
  /** Classes on the scroll box itself (border, background). */
  boxClassName?: string;
  /** `"rows"`: filters the rows shown here as the reader types; an object: a server search. */
  search?: ServerSearch | "rows";
  /** What the search input is called; "Search" plus the label's first word by default. */
  searchLabel?: string;
  /** A route that answers the same filters as CSV. */
  exportHref?: string;
  /** Without `exportHref`: the rows currently matched are written to this file name. */
  exportFilename?: string;
  exportTestId?: string;
  /** Said beside the export, e.g. that the file holds only the first rows. */
  exportNote?: string;
}

const LINK_CLASS =
  "inline-flex shrink-0 items-center justify-center rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600";

/** A cell's text as read aloud: decorative (aria-hidden) parts left out, white space collapsed. */
function cellText(cell: Element): string {
  const copy = cell.cloneNode(true) as Element;
  copy.querySelectorAll('[aria-hidden="true"]').forEach((node) => node.remove());
  return (copy.textContent ?? "").replace(/\s+/g, " ").trim();
}

const bodyRows = (box: HTMLElement | null) => Array.from(box?.querySelectorAll<HTMLTableRowElement>("tbody tr") ?? []);

/**
 * A table in a keyboard-reachable scroll box (it scrolls sideways on a phone), with an
 * optional search and CSV export above it.
 */
export function TableBox({
  label,
  children,
  empty,
  className = "",
  boxClassName = "",
  search,
  searchLabel,
  exportHref,
  exportFilename,
  exportTestId,
  exportNote,
}: TableBoxProps) {
  const boxRef = useRef<HTMLDivElement>(null);
  const inputId = useId();
  const [needle, setNeedle] = useState("");
  const [counts, setCounts] = useState<{ matched: number; total: number } | null>(null);
  const name = searchLabel ?? `Search ${label.replace(/ table$/i, "").toLowerCase()}`;

  // Rows may be replaced when the page refreshes itself, so the filter runs again whenever the body changes.
  const applyFilter = useCallback(() => {
    const rows = bodyRows(boxRef.current);
    const words = needle.toLowerCase().split(/\s+/).filter(Boolean);
    let matched = 0;
    for (const row of rows) {
      const text = (row.textContent ?? "").toLowerCase();
      const show = words.every((word) => text.includes(word));
      if (row.hidden === show) row.hidden = !show;
      if (show) matched++;
    }
    setCounts(words.length ? { matched, total: rows.length } : null);
  }, [needle]);

  useEffect(() => {
    if (search !== "rows") return;
    applyFilter();
    const box = boxRef.current;
    if (!box) return;
    const observer = new MutationObserver(applyFilter);
    observer.observe(box, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, [search, applyFilter]);

  function exportRows() {
    const table = boxRef.current?.querySelector("table");
    if (!table || !exportFilename) return;
    const header = Array.from(table.querySelectorAll("thead tr:last-child th")).map(cellText);
    const rows = bodyRows(boxRef.current)
      .filter((row) => !row.hidden)
      .map((row) => Array.from(row.querySelectorAll("th, td")).map(cellText));
    const url = URL.createObjectURL(new Blob([csvDocument(header, rows)], { type: "text/csv;charset=utf-8" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = exportFilename;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }

  const hasTable = Boolean(children);
  const serverSearch = search && search !== "rows" ? search : null;
  const tools = search || exportHref || (exportFilename && hasTable);

  return (
    <div className={className}>
      {tools ? (
        <div className="mb-3 flex flex-wrap items-end gap-2">
          {serverSearch ? (
            <form method="get" action={serverSearch.action} role="search" aria-label={name} className="flex min-w-0 flex-1 items-end gap-2">
              {Object.entries(serverSearch.params ?? {}).map(([key, value]) => (
                <input key={key} type="hidden" name={key} value={value} />
              ))}
              <div className="min-w-0 flex-1 sm:max-w-xs">
                <label htmlFor={inputId} className="block text-sm font-medium text-slate-700">
                  {name}
                </label>
                <input
                  id={inputId}
                  type="search"
                  name={serverSearch.name ?? "q"}
                  defaultValue={serverSearch.q}
                  placeholder={serverSearch.placeholder}
                  maxLength={100}
                  className={CONTROL_CLASS}
                />
              </div>
              <button type="submit" className={LINK_CLASS}>
                Search
              </button>
            </form>
          ) : search === "rows" && hasTable ? (
            <div role="search" aria-label={name} className="min-w-0 flex-1 sm:max-w-xs">
              <label htmlFor={inputId} className="block text-sm font-medium text-slate-700">
                {name}
              </label>
              <input
                id={inputId}
                type="search"
                value={needle}
                onChange={(event) => setNeedle(event.target.value)}
                className={CONTROL_CLASS}
              />
            </div>
          ) : null}
          {exportHref ? (
            <a href={exportHref} className={LINK_CLASS} data-testid={exportTestId}>
              Export CSV
            </a>
          ) : exportFilename && hasTable ? (
            <button type="button" onClick={exportRows} className={LINK_CLASS} data-testid={exportTestId}>
              Export CSV
            </button>
          ) : null}
          {exportNote ? <p className="w-full text-xs text-slate-600">{exportNote}</p> : null}
          {search === "rows" ? (
            <p aria-live="polite" className="w-full text-xs text-slate-600">
              {counts ? `${counts.matched} of ${counts.total} ${counts.total === 1 ? "row" : "rows"} match.` : ""}
            </p>
          ) : null}
        </div>
      ) : null}
      {hasTable ? (
        <div ref={boxRef} role="group" aria-label={label} className={`relative overflow-x-auto ${boxClassName}`} tabIndex={0}>
          {children}
        </div>
      ) : (
        empty
      )}
    </div>
  );
}
