import Link from "next/link";
import { statusLabel } from "@/components/ui/status-badge";

/** Links that set `?status=` on the workspace; the current one is marked for assistive tech. */
export function StatusFilter({ statuses, current, basePath }: { statuses: readonly string[]; current: string | null; basePath: string }) {
  const options: Array<{ value: string | null; label: string }> = [{ value: null, label: "All" }, ...statuses.map((s) => ({ value: s, label: statusLabel(s) }))];
  return (
    <nav aria-label="Filter proposals by status">
      <ul className="flex flex-wrap gap-2 text-sm">
        {options.map((o) => {
          const active = o.value === current;
          return (
            <li key={o.label}>
              <Link
                href={o.value ? `${basePath}?status=${o.value}` : basePath}
                aria-current={active ? "page" : undefined}
                className={`inline-block rounded-full border px-3 py-1 ${active ? "border-brand-600 bg-brand-600 text-white" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50"}`}
              >
                {o.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
