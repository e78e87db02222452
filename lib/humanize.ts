/** "instagram_reel" → "Instagram reel": an enum value as a person reads it. */
export function humanize(value: string): string {
  const text = value.replace(/[_-]+/g, " ").trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The enum values whose name on screen is not what `humanize` makes of them. */
const LABELS: Record<string, string> = {
  signed_creator: "Signed by creator",
  signed_brand: "Signed by brand",
  mpesa: "M-Pesa",
  paypal: "PayPal",
  stripe: "Card (Stripe)",
};

/** The one name the pages use for an enum value (a status, a payment method, a type). */
export function labelFor(value: string): string {
  return LABELS[value] ?? humanize(value);
}
