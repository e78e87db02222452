"use client";

import { useRouter } from "next/navigation";
import { useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";

/** Grade and subject filters, offering only the grades and subjects the partner's students have; submitting keeps the period and writes a clean query string. */
export function ImpactFilters({
  period,
  grade,
  subject,
  grades,
  subjects,
}: {
  period: string;
  grade?: number;
  subject?: string;
  grades: readonly number[];
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

  return (
    <form
      method="get"
      action="/dashboard/impact"
      onSubmit={onSubmit}
      aria-label="Filter students"
      className="flex flex-wrap items-end gap-3"
    >
      <input type="hidden" name="period" value={period} />
      <div className="min-w-32">
        <SelectField
          label="Grade"
          name="grade"
          defaultValue={grade ?? ""}
          placeholder="All grades"
          options={grades.map((value) => ({ value: String(value), label: `Grade ${value}` }))}
        />
      </div>
      <div className="min-w-40">
        <SelectField
          label="Subject"
          name="subject"
          defaultValue={subject ?? ""}
          placeholder="All subjects"
          options={subjects.map((name) => ({ value: name, label: name }))}
        />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Updating…" : "Apply filters"}
      </Button>
    </form>
  );
}
