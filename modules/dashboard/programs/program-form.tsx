"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { createProgramAction } from "@/modules/dashboard/programs/actions";
import { optionalList, optionalNumber, optionalText } from "@/lib/forms/form-inputs";
import { Button } from "@/components/ui/button";
import { CheckboxGroup } from "@/components/ui/choice-group";
import { FormStatus } from "@/components/ui/form-status";
import { CurrencyField } from "@/components/ui/currency-field";
import { TextAreaField } from "@/components/ui/textarea-field";
import { DateRangeFields } from "@/components/ui/date-range-fields";
import { TextField } from "@/components/ui/text-field";
import { useFormAction } from "@/lib/forms/use-form-action";
import type { CourseOption } from "@/lib/sponsorship/list-course-options";
import { createProgramBody } from "@/lib/sponsorship/schemas/programs";
import { formatMoney } from "@/lib/format";

const GRADES = Array.from({ length: 12 }, (_, index) => index + 1);

/** Every field of POST /partner/programs, eligibility included; opens the new program when it is created. */
export function ProgramForm({ courses, counties }: { courses: CourseOption[]; counties: string[] }) {
  const router = useRouter();
  const [values, setValues] = useState({
    name: "",
    description: "",
    target_students: "",
    budget: "",
    currency: "KES",
    start_date: "",
    end_date: "",
    max_household_income: "",
  });
  const [courseIds, setCourseIds] = useState<string[]>([]);
  const [grades, setGrades] = useState<string[]>([]);
  const [eligibleCounties, setEligibleCounties] = useState<string[]>([]);
  const { state, pending, submit, fieldErrors } = useFormAction(createProgramAction, {
    schema: createProgramBody,
    refresh: false,
    onSuccess: (result) => router.push(`/dashboard/programs/${result.id}`),
  });
  const set = (key: keyof typeof values) => (value: string) => setValues((current) => ({ ...current, [key]: value }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const eligibility = {
      grade_levels: optionalList(grades.map(Number)),
      counties: optionalList(eligibleCounties),
      max_household_income: optionalNumber(values.max_household_income),
    };
    const anyEligibility = Object.values(eligibility).some((value) => value !== undefined);
    submit({
      name: optionalText(values.name),
      description: optionalText(values.description),
      target_students: optionalNumber(values.target_students),
      budget: optionalNumber(values.budget),
      currency: values.currency,
      course_ids: optionalList(courseIds),
      eligibility: anyEligibility ? eligibility : undefined,
      start_date: optionalText(values.start_date),
      end_date: optionalText(values.end_date),
    });
  }

  const budget = optionalNumber(values.budget);
  const target = optionalNumber(values.target_students);
  const perStudent = typeof budget === "number" && typeof target === "number" && budget > 0 && target > 0 ? budget / target : null;

  return (
    <form onSubmit={onSubmit} aria-label="New program" noValidate className="space-y-6">
      <section aria-labelledby="program-basics" className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="program-basics" className="text-lg font-semibold">
          About the program
        </h2>
        <TextField
          label="Name"
          value={values.name}
          onChange={(event) => set("name")(event.target.value)}
          error={fieldErrors.name}
          maxLength={200}
        />
        <TextAreaField
          label="Description"
          rows={4}
          value={values.description}
          onChange={(event) => set("description")(event.target.value)}
          error={fieldErrors.description}
          hint="Who it is for and what it funds."
        />
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <TextField
            label="Target students"
            inputMode="numeric"
            value={values.target_students}
            onChange={(event) => set("target_students")(event.target.value)}
            error={fieldErrors.target_students}
          />
          <TextField
            label="Budget"
            inputMode="numeric"
            value={values.budget}
            onChange={(event) => set("budget")(event.target.value)}
            error={fieldErrors.budget}
            hint="Whole units of the currency, e.g. 900000."
          />
          <CurrencyField value={values.currency} onChange={set("currency")} error={fieldErrors.currency} />
          <p className="self-end pb-2 text-sm text-slate-600" data-testid="program-per-student">
            {perStudent !== null ? `About ${formatMoney(Math.round(perStudent), values.currency)} per student.` : null}
          </p>
          <DateRangeFields values={values} errors={fieldErrors} onChange={(bound, value) => set(bound)(value)} />
        </div>
        <CheckboxGroup
          legend="Courses (optional)"
          choices={courses.map((course) => ({ value: course.id, label: course.title }))}
          values={courseIds}
          onChange={setCourseIds}
          error={fieldErrors.course_ids}
          columns="sm:grid-cols-2 lg:grid-cols-3"
          scroll
        />
      </section>

      <section aria-labelledby="program-eligibility" className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <div>
          <h2 id="program-eligibility" className="text-lg font-semibold">
            Eligibility (optional)
          </h2>
          <p className="mt-1 text-sm text-slate-600">Which students may join. Leave a criterion empty to accept everyone on it.</p>
        </div>
        <CheckboxGroup
          legend="Grades"
          choices={GRADES.map((grade) => ({ value: String(grade), label: `Grade ${grade}` }))}
          values={grades}
          onChange={setGrades}
          error={fieldErrors["eligibility.grade_levels"] ?? fieldErrors.eligibility}
          columns="grid-cols-2 sm:grid-cols-4 lg:grid-cols-6"
        />
        <CheckboxGroup
          legend="Counties"
          choices={counties.map((county) => ({ value: county, label: county }))}
          values={eligibleCounties}
          onChange={setEligibleCounties}
          error={fieldErrors["eligibility.counties"]}
          columns="grid-cols-2 sm:grid-cols-3 lg:grid-cols-4"
          scroll
        />
        <div className="sm:max-w-xs">
          <TextField
            label="Maximum monthly household income (KES)"
            inputMode="numeric"
            value={values.max_household_income}
            onChange={(event) => set("max_household_income")(event.target.value)}
            error={fieldErrors["eligibility.max_household_income"]}
          />
        </div>
      </section>

      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create program"}
        </Button>
        <p className="text-sm text-slate-600">New programs start in planning; enrolment can begin after payment.</p>
      </div>
      <FormStatus state={state} pending={pending} pendingText="Creating the program…" successText="Program created. Opening it…" />
    </form>
  );
}
