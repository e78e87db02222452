import { CURRENCIES } from "@/lib/forms/form-inputs";
import { SelectField } from "./select-field";

/** The currency of an amount, from the currencies the product offers. */
export function CurrencyField({ value, onChange, error }: { value: string; onChange: (currency: string) => void; error?: string }) {
  return (
    <SelectField label="Currency" value={value} onChange={(event) => onChange(event.target.value)} options={CURRENCIES} error={error} />
  );
}
