import Link from "next/link";
import type { ReactNode } from "react";

/** The heading of every partner page below the overview: a way back, the title and a one-line summary. */
export function PartnerPageHeader({ title, children }: { title: string; children: ReactNode }) {
  return (
    <header>
      <p className="text-sm">
        <Link href="/dashboard" className="text-brand-700 underline-offset-2 hover:underline">
          ← Partner dashboard
        </Link>
      </p>
      <h1 className="mt-1 text-2xl font-semibold">{title}</h1>
      <p className="mt-1 text-slate-600">{children}</p>
    </header>
  );
}
