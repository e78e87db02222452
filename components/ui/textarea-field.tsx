import type { TextareaHTMLAttributes } from "react";
import { CONTROL_CLASS, Field, type FieldProps } from "./field";

export function TextAreaField({
  label,
  error,
  hint,
  className = "",
  rows = 3,
  ...props
}: TextareaHTMLAttributes<HTMLTextAreaElement> & FieldProps) {
  return (
    <Field label={label} error={error} hint={hint}>
      {({ id, describedBy, invalid }) => (
        <textarea
          id={id}
          rows={rows}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          {...props}
          className={`${CONTROL_CLASS} ${className}`}
        />
      )}
    </Field>
  );
}
