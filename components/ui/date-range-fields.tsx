import { TextField } from "./text-field";

type Bound = "start_date" | "end_date";

/** A start and an end date, as two fields of the form's grid. */
export function DateRangeFields({
  values,
  errors,
  onChange,
  named = false,
}: {
  values: Record<Bound, string>;
  errors: Partial<Record<Bound, string>>;
  onChange: (bound: Bound, value: string) => void;
  /** Give the inputs their names, for a form that is also posted without JavaScript. */
  named?: boolean;
}) {
  return (
    <>
      {(["start_date", "end_date"] as const).map((bound) => (
        <TextField
          key={bound}
          label={bound === "start_date" ? "Start date" : "End date"}
          name={named ? bound : undefined}
          type="date"
          value={values[bound]}
          onChange={(event) => onChange(bound, event.target.value)}
          error={errors[bound]}
        />
      ))}
    </>
  );
}
