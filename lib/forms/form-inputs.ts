/** Turning what people type into the values the API's schemas expect. Safe in the browser. */
import { OFFERED_CURRENCIES } from "../schemas/currency";

/** "" (or only spaces) is "not given"; anything else is trimmed. */
export function optionalText(value: string): string | undefined {
  const text = value.trim();
  return text === "" ? undefined : text;
}

/** "" is "not given"; a number stays a number; other text is passed on for the schema to reject. */
export function optionalNumber(value: string): number | string | undefined {
  const text = value.trim().replace(/[\s,]/g, "");
  if (text === "") return undefined;
  const number = Number(text);
  return Number.isFinite(number) ? number : text;
}

/** An empty list is "not given". */
export function optionalList<T>(values: readonly T[]): T[] | undefined {
  return values.length ? [...values] : undefined;
}

/** The currency select's options: "KES – Kenyan shilling". */
export const CURRENCIES = OFFERED_CURRENCIES.map(({ code, name }) => ({ value: code, label: `${code} – ${name}` }));
