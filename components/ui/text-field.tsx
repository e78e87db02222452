import type { InputHTMLAttributes } from "react";
import { CONTROL_CLASS, Field, type FieldProps } from "./field";

export function TextField({ label, error, hint, className = "", ...props }: InputHTMLAttributes<HTMLInputElement> & FieldProps) {
  return (
    <Field label={label} error={error} hint={hint}>
      {({ id, describedBy, invalid }) => (
        <input id={id} aria-invalid={invalid} aria-describedby={describedBy} {...props} className={`${CONTROL_CLASS} ${className}`} />
      )}
    </Field>
  );
}
