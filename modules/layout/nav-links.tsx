"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** The main navigation; the link of the section the reader is in is marked current. */
export function NavLinks({
  items,
  stacked = false,
}: {
  items: ReadonlyArray<{ href: string; label: string }>;
  /** One link per line, large enough to tap (the phone menu). */
  stacked?: boolean;
}) {
  const pathname = usePathname();
  // The longest matching prefix wins, so /dashboard/impact does not also mark /dashboard.
  const current = items
    .filter((item) => pathname === item.href || pathname.startsWith(`${item.href}/`))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
  return (
    <ul className={stacked ? "grid gap-1 text-base" : "flex flex-wrap gap-x-4 gap-y-1 text-sm"}>
      {items.map((item) => (
        <li key={item.href}>
          <Link
            href={item.href}
            aria-current={item.href === current ? "page" : undefined}
            className={`${stacked ? "block rounded px-2 py-2 hover:bg-slate-50" : "rounded"} text-slate-700 hover:text-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 aria-[current=page]:font-semibold aria-[current=page]:text-brand-700`}
          >
            {item.label}
          </Link>
        </li>
      ))}
    </ul>
  );
}
