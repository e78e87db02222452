"use client";

import { useId, type ReactNode } from "react";

export interface Choice {
  value: string;
  label: string;
  hint?: ReactNode;
}

function GroupFrame({
  legend,
  hint,
  error,
  children,
  describedBy,
}: {
  legend: string;
  hint?: ReactNode;
  error?: string;
  children: ReactNode;
  describedBy: { hintId: string; errorId: string };
}) {
  const ids = [hint ? describedBy.hintId : null, error ? describedBy.errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset aria-describedby={ids} className="min-w-0">
      <legend className="text-sm font-medium text-slate-700">{legend}</legend>
      {hint ? (
        <p id={describedBy.hintId} className="mt-0.5 text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p id={describedBy.errorId} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** Radio buttons drawn as cards in a labelled group, with the group's hint and error. */
export function RadioCards({
  legend,
  name,
  choices,
  value,
  onChange,
  hint,
  error,
}: {
  legend: string;
  name: string;
  choices: readonly Choice[];
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  error?: string;
}) {
  const id = useId();
  return (
    <GroupFrame legend={legend} hint={hint} error={error} describedBy={{ hintId: `${id}-hint`, errorId: `${id}-error` }}>
      <div className="mt-2 grid grid-cols-1 gap-2 sm:grid-cols-2">
        {choices.map((choice) => (
          <label
            key={choice.value}
            className="flex cursor-pointer items-start gap-2 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-600"
          >
            <input
              type="radio"
              name={name}
              value={choice.value}
              checked={value === choice.value}
              onChange={() => onChange(choice.value)}
              className="mt-0.5 accent-brand-600"
            />
            <span>
              <span className="font-medium">{choice.label}</span>
              {choice.hint ? <span className="block text-xs text-slate-600">{choice.hint}</span> : null}
            </span>
          </label>
        ))}
      </div>
    </GroupFrame>
  );
}

/** Checkboxes in a labelled group (optionally scrolling), with the group's hint and error. */
export function CheckboxGroup({
  legend,
  choices,
  values,
  onChange,
  hint,
  error,
  columns = "sm:grid-cols-2",
  scroll = false,
}: {
  legend: string;
  choices: readonly Choice[];
  values: readonly string[];
  onChange: (values: string[]) => void;
  hint?: ReactNode;
  error?: string;
  columns?: string;
  scroll?: boolean;
}) {
  const id = useId();
  const chosen = new Set(values);
  function toggle(value: string, checked: boolean) {
    // Keep the order of the choices, whatever order they were ticked in.
    onChange(choices.map((c) => c.value).filter((v) => (v === value ? checked : chosen.has(v))));
  }
  return (
    <GroupFrame legend={legend} hint={hint} error={error} describedBy={{ hintId: `${id}-hint`, errorId: `${id}-error` }}>
      <div
        className={`mt-2 grid grid-cols-1 gap-x-4 gap-y-1 ${columns} ${scroll ? "max-h-64 overflow-y-auto rounded-md border border-slate-200 p-2" : ""}`}
      >
        {choices.map((choice) => (
          <label key={choice.value} className="flex cursor-pointer items-start gap-2 py-1 text-sm">
            <input
              type="checkbox"
              value={choice.value}
              checked={chosen.has(choice.value)}
              onChange={(event) => toggle(choice.value, event.target.checked)}
              className="mt-0.5 h-4 w-4 shrink-0 accent-brand-600"
            />
            <span>
              {choice.label}
              {choice.hint ? <span className="block text-xs text-slate-600">{choice.hint}</span> : null}
            </span>
          </label>
        ))}
      </div>
    </GroupFrame>
  );
}
