import { useId, type ReactNode } from "react";
import { ClearOnEdit } from "./clear-on-edit";

export const CONTROL_CLASS =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-500 focus:ring-2 focus:ring-brand-500/30 focus:outline-none aria-[invalid=true]:border-red-600";

export interface FieldProps {
  label: string;
  error?: string;
  hint?: string;
}

/** Label, control, hint and error wired together for screen readers; an error clears as the reader fixes the field. */
export function Field({
  label,
  error,
  hint,
  children,
}: FieldProps & { children: (control: { id: string; describedBy?: string; invalid?: true }) => ReactNode }) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {children({ id, describedBy, invalid: error ? true : undefined })}
      {hint ? (
        <p id={hintId} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {error ? (
        <>
          <p id={errorId} className="mt-1 text-sm text-red-700">
            {error}
          </p>
          <ClearOnEdit key={error} controlId={id} errorId={errorId} />
        </>
      ) : null}
    </div>
  );
}
