"use client";

import { useRouter } from "next/navigation";
import { useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";

/** Grade and subject filters; submitting keeps the period and writes a clean query string. */
export function ImpactFilters({
  period,
  grade,
  subject,
  subjects,
}: {
  period: string;
  grade?: number;
  subject?: string;
  subjects: readonly string[];
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const params = new URLSearchParams({ period });
    for (const key of ["grade", "subject"]) {
      const value = data.get(key);
      if (typeof value === "string" && value) params.set(key, value);
    }
    startTransition(() => router.push(`/dashboard/impact?${params.toString()}`));
  }

  const select =
    "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm focus:border-brand-500 focus:ring-2 focus:ring-brand-500/30 focus:outline-none";
  return (
    <form method="get" action="/dashboard/impact" onSubmit={onSubmit} aria-label="Filter students" className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="period" value={period} />
      <div className="min-w-32">
        <label htmlFor="filter-grade" className="block text-sm font-medium text-slate-700">
          Grade
        </label>
        <select id="filter-grade" name="grade" defaultValue={grade ?? ""} className={select}>
          <option value="">All grades</option>
          {Array.from({ length: 12 }, (_, index) => index + 1).map((level) => (
            <option key={level} value={level}>
              Grade {level}
            </option>
          ))}
        </select>
      </div>
      <div className="min-w-40">
        <label htmlFor="filter-subject" className="block text-sm font-medium text-slate-700">
          Subject
        </label>
        <select id="filter-subject" name="subject" defaultValue={subject ?? ""} className={select}>
          <option value="">All subjects</option>
          {subjects.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Updating…" : "Apply filters"}
      </Button>
    </form>
  );
}
