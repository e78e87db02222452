"use client";

import { usePathname, useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { createSponsorshipsAction } from "@/modules/dashboard/sponsorships/actions";
import { formatMoney, formatNumber } from "@/lib/format";
import { optionalList, optionalNumber, optionalText } from "@/lib/forms/form-inputs";
import { labelFor } from "@/lib/humanize";
import { Button } from "@/components/ui/button";
import { CheckboxGroup, RadioCards } from "@/components/ui/choice-group";
import { FormStatus, Spinner } from "@/components/ui/form-status";
import { Pager } from "@/components/ui/pager";
import { CurrencyField } from "@/components/ui/currency-field";
import { SelectField } from "@/components/ui/select-field";
import { TextAreaField } from "@/components/ui/textarea-field";
import { DateRangeFields } from "@/components/ui/date-range-fields";
import { TextField } from "@/components/ui/text-field";
import { useFormAction } from "@/lib/forms/use-form-action";
import type { CourseOption } from "@/lib/sponsorship/list-course-options";
import type { SponsorableStudent, SponsorableStudentsPage } from "@/lib/sponsorship/list-sponsorable-students";
import type { StudentFilterOptions } from "@/lib/sponsorship/list-student-filter-options";
import { createSponsorshipsBody, SPONSORSHIP_TYPES } from "@/lib/sponsorship/schemas/sponsorships";
import { TableBox } from "@/components/ui/table-box";

export interface StudentFilters {
  grade_level?: number;
  county_id?: string;
  school_id?: string;
  q?: string;
}

const TYPE_HINTS: Record<(typeof SPONSORSHIP_TYPES)[number], string> = {
  full_scholarship: "Covers all of the student's courses.",
  course_specific: "Covers only the courses you choose below.",
  partial: "Contributes part of the student's costs.",
};

/** The query string of the picker for some filters and page. */
function pickerSearch(filters: StudentFilters, page = 1): string {
  const params = new URLSearchParams();
  if (filters.grade_level !== undefined) params.set("grade_level", String(filters.grade_level));
  if (filters.county_id) params.set("county_id", filters.county_id);
  if (filters.school_id) params.set("school_id", filters.school_id);
  if (filters.q) params.set("q", filters.q);
  if (page > 1) params.set("page", String(page));
  const search = params.toString();
  return search ? `?${search}` : "";
}

/**
 * Picks students (filtered and paged on the server through the URL) and the terms of
 * their sponsorships, then creates one pending sponsorship per student.
 */
export function SponsorshipForm({
  students,
  filters,
  options,
  courses,
}: {
  students: SponsorableStudentsPage;
  filters: StudentFilters;
  options: StudentFilterOptions;
  courses: CourseOption[];
}) {
  const router = useRouter();
  const pathname = usePathname();
  const [loading, startLoading] = useTransition();
  const [selected, setSelected] = useState<SponsorableStudent[]>([]);
  const [filterGrade, setFilterGrade] = useState(filters.grade_level !== undefined ? String(filters.grade_level) : "");
  const [filterCounty, setFilterCounty] = useState(filters.county_id ?? "");
  const [filterSchool, setFilterSchool] = useState(filters.school_id ?? "");
  const [filterName, setFilterName] = useState(filters.q ?? "");
  const [values, setValues] = useState({ type: "full_scholarship", amount: "", currency: "KES", start_date: "", end_date: "", notes: "" });
  const [courseIds, setCourseIds] = useState<string[]>([]);
  const { state, pending, submit, fieldErrors } = useFormAction(createSponsorshipsAction, {
    schema: createSponsorshipsBody,
    refresh: false,
    onSuccess: (result) => router.push(`/dashboard/sponsorships?created=${result.sponsorships_created}`),
  });

  const set = (key: keyof typeof values) => (value: string) => setValues((current) => ({ ...current, [key]: value }));
  const selectedIds = new Set(selected.map((s) => s.id));
  const schools = filterCounty ? options.schools.filter((school) => school.county_id === filterCounty) : options.schools;

  function go(next: StudentFilters, page = 1) {
    startLoading(() => router.push(`${pathname}${pickerSearch(next, page)}`, { scroll: false }));
  }

  function applyFilters(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    go({
      grade_level: filterGrade ? Number(filterGrade) : undefined,
      county_id: filterCounty || undefined,
      school_id: filterSchool || undefined,
      q: filterName.trim() || undefined,
    });
  }

  function toggle(student: SponsorableStudent, checked: boolean) {
    setSelected((current) =>
      checked ? [...current.filter((s) => s.id !== student.id), student] : current.filter((s) => s.id !== student.id),
    );
  }

  const pageAllSelected = students.students.length > 0 && students.students.every((s) => selectedIds.has(s.id));
  function togglePage(checked: boolean) {
    setSelected((current) => {
      const rest = current.filter((s) => !students.students.some((p) => p.id === s.id));
      return checked ? [...rest, ...students.students] : rest;
    });
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    submit({
      student_ids: selected.map((s) => s.id),
      type: values.type,
      course_ids: optionalList(courseIds),
      amount_per_student: optionalNumber(values.amount),
      currency: values.currency,
      start_date: optionalText(values.start_date),
      end_date: optionalText(values.end_date),
      notes: optionalText(values.notes),
    });
  }

  const amount = optionalNumber(values.amount);
  const total = typeof amount === "number" && amount > 0 && selected.length > 0 ? amount * selected.length : null;
  const from = students.total === 0 ? 0 : (students.page - 1) * students.limit + 1;
  const to = Math.min(students.total, students.page * students.limit);
  const filtered = filters.grade_level !== undefined || Boolean(filters.county_id) || Boolean(filters.school_id) || Boolean(filters.q);

  return (
    <div className="space-y-6">
      <section aria-labelledby="picker-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="picker-heading" className="text-lg font-semibold">
          1. Choose students
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          Filter, then tick the students to sponsor. Your choices are kept while you change filters or pages. Students you already sponsor
          (active or pending) are not listed.
        </p>

        <form
          onSubmit={applyFilters}
          aria-label="Filter students"
          className="mt-4 grid grid-cols-1 items-end gap-3 sm:grid-cols-2 lg:grid-cols-5"
        >
          <TextField
            label="Name"
            type="search"
            value={filterName}
            onChange={(event) => setFilterName(event.target.value)}
            placeholder="e.g. Wanjiru"
            maxLength={100}
          />
          <SelectField
            label="Grade"
            value={filterGrade}
            onChange={(event) => setFilterGrade(event.target.value)}
            placeholder="All grades"
            options={options.grades.map((grade) => ({ value: String(grade), label: `Grade ${grade}` }))}
          />
          <SelectField
            label="County"
            value={filterCounty}
            onChange={(event) => {
              setFilterCounty(event.target.value);
              setFilterSchool("");
            }}
            placeholder="All counties"
            options={options.counties.map((county) => ({ value: county.id, label: county.name }))}
          />
          <SelectField
            label="School"
            value={filterSchool}
            onChange={(event) => setFilterSchool(event.target.value)}
            placeholder={filterCounty ? "All schools in the county" : "All schools"}
            options={schools.map((school) => ({ value: school.id, label: school.name }))}
          />
          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit" variant="secondary" disabled={loading}>
              Apply filters
            </Button>
            {filtered ? (
              <button
                type="button"
                className="text-sm text-brand-700 underline-offset-2 hover:underline"
                onClick={() => {
                  setFilterGrade("");
                  setFilterCounty("");
                  setFilterSchool("");
                  setFilterName("");
                  go({});
                }}
              >
                Clear filters
              </button>
            ) : null}
          </div>
        </form>

        <div aria-live="polite" role="status" className="mt-3 min-h-5 text-sm text-slate-600">
          {loading ? (
            <span className="flex items-center gap-2">
              <Spinner /> Loading students…
            </span>
          ) : (
            <span data-testid="picker-summary">
              {students.total === 0
                ? "No students match these filters."
                : `Showing ${formatNumber(from)}–${formatNumber(to)} of ${formatNumber(students.total)} students.`}
            </span>
          )}
        </div>

        {students.students.length > 0 ? (
          <TableBox label="Students you can sponsor" boxClassName={loading ? "opacity-60" : ""} className="mt-2">
            <table className="min-w-full text-left text-sm" data-testid="picker-table">
              <caption className="sr-only">Students you can sponsor, by name</caption>
              <thead>
                <tr className="border-b border-slate-200">
                  <th scope="col" className="w-10 py-2 pr-2">
                    <input
                      type="checkbox"
                      aria-label="Select every student on this page"
                      checked={pageAllSelected}
                      onChange={(event) => togglePage(event.target.checked)}
                      className="h-4 w-4 accent-brand-600"
                    />
                  </th>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    Student
                  </th>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    Grade
                  </th>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    School
                  </th>
                  <th scope="col" className="py-2 font-medium">
                    County
                  </th>
                </tr>
              </thead>
              <tbody>
                {students.students.map((student) => (
                  <tr key={student.id} className="border-b border-slate-100 has-[:checked]:bg-brand-50" data-testid="picker-row">
                    <td className="py-2 pr-2">
                      <input
                        id={`pick-${student.id}`}
                        type="checkbox"
                        checked={selectedIds.has(student.id)}
                        onChange={(event) => toggle(student, event.target.checked)}
                        className="h-4 w-4 accent-brand-600"
                      />
                    </td>
                    <th scope="row" className="py-2 pr-4 font-medium">
                      <label htmlFor={`pick-${student.id}`} className="cursor-pointer" data-testid="picker-student">
                        {student.name}
                      </label>
                    </th>
                    <td className="py-2 pr-4 whitespace-nowrap" data-testid="picker-grade">
                      Grade {student.grade_level}
                    </td>
                    <td className="py-2 pr-4" data-testid="picker-school">
                      {student.school.name}
                    </td>
                    <td className="py-2" data-testid="picker-county">
                      {student.county.name}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableBox>
        ) : null}

        {students.pages > 1 ? (
          <Pager
            label="Student pages"
            page={students.page}
            pages={students.pages}
            hrefFor={(page) => `${pathname}${pickerSearch(filters, page)}`}
            onNavigate={(page) => go(filters, page)}
            className="mt-3"
          />
        ) : null}
      </section>

      <form
        onSubmit={onSubmit}
        aria-labelledby="terms-heading"
        noValidate
        className="space-y-5 rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
      >
        <h2 id="terms-heading" className="text-lg font-semibold">
          2. Sponsorship terms
        </h2>

        <section aria-labelledby="selected-heading" className="rounded-md bg-slate-50 p-3">
          <h3 id="selected-heading" className="text-sm font-medium text-slate-700">
            Selected students (<span data-testid="selected-count">{selected.length}</span>)
          </h3>
          {selected.length === 0 ? (
            <p className="mt-1 text-sm text-slate-600">None yet: tick students in the list above.</p>
          ) : (
            <ul className="mt-2 flex flex-wrap gap-2" aria-label="Selected students">
              {selected.map((student) => (
                <li
                  key={student.id}
                  className="flex items-center gap-1 rounded-full bg-white py-0.5 pr-1 pl-3 text-sm ring-1 ring-slate-300"
                  data-testid="selected-student"
                >
                  {student.name}
                  <button
                    type="button"
                    onClick={() => toggle(student, false)}
                    aria-label={`Remove ${student.name}`}
                    className="rounded-full px-1.5 text-slate-500 hover:bg-slate-100 hover:text-slate-800 focus-visible:outline-2 focus-visible:outline-brand-600"
                  >
                    ×
                  </button>
                </li>
              ))}
            </ul>
          )}
          {fieldErrors.student_ids ? (
            <p className="mt-1 text-sm text-red-700" data-testid="student-ids-error">
              Students: {fieldErrors.student_ids}
            </p>
          ) : null}
        </section>

        <RadioCards
          legend="Type"
          name="type"
          value={values.type}
          onChange={set("type")}
          error={fieldErrors.type}
          choices={SPONSORSHIP_TYPES.map((type) => ({ value: type, label: labelFor(type), hint: TYPE_HINTS[type] }))}
        />

        <CheckboxGroup
          legend={values.type === "course_specific" ? "Courses covered (required)" : "Courses covered (optional)"}
          hint="For a course-specific sponsorship, choose at least one course."
          choices={courses.map((course) => ({ value: course.id, label: course.title }))}
          values={courseIds}
          onChange={setCourseIds}
          error={fieldErrors.course_ids}
          columns="sm:grid-cols-2 lg:grid-cols-3"
          scroll
        />

        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <TextField
            label="Amount per student"
            inputMode="numeric"
            value={values.amount}
            onChange={(event) => set("amount")(event.target.value)}
            error={fieldErrors.amount_per_student}
            hint="Whole units of the currency, e.g. 25000."
          />
          <CurrencyField value={values.currency} onChange={set("currency")} error={fieldErrors.currency} />
          <DateRangeFields values={values} errors={fieldErrors} onChange={(bound, value) => set(bound)(value)} />
        </div>

        <TextAreaField
          label="Notes (optional)"
          value={values.notes}
          onChange={(event) => set("notes")(event.target.value)}
          error={fieldErrors.notes}
          hint="Internal notes about these sponsorships."
        />

        <p className="text-sm text-slate-700" data-testid="sponsorship-total">
          {total !== null
            ? `Total: ${formatMoney(total, values.currency)} for ${selected.length} ${selected.length === 1 ? "student" : "students"}.`
            : "The total appears once you choose students and an amount."}{" "}
          Sponsorships start as pending and become active once a payment funds them.
        </p>

        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={pending}>
            {pending ? "Creating…" : selected.length > 1 ? `Create ${selected.length} sponsorships` : "Create sponsorship"}
          </Button>
        </div>
        <FormStatus
          state={state}
          pending={pending}
          pendingText="Creating the sponsorships…"
          successText="Sponsorships created. Opening your sponsorships…"
        />
      </form>
    </div>
  );
}
