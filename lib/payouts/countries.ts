/**
 * Where each payout method can pay. Stripe Connect self-serve cross-border payouts work only
 * between US, UK, EEA, Canadian and Swiss platforms and accounts, so a creator elsewhere
 * (a Kenyan creator, say) is paid by M-Pesa, which pays Kenyan numbers in shillings.
 */
const EEA = [
  "AT",
  "BE",
  "BG",
  "HR",
  "CY",
  "CZ",
  "DK",
  "EE",
  "FI",
  "FR",
  "DE",
  "GR",
  "HU",
  "IS",
  "IE",
  "IT",
  "LV",
  "LI",
  "LT",
  "LU",
  "MT",
  "NL",
  "NO",
  "PL",
  "PT",
  "RO",
  "SK",
  "SI",
  "ES",
  "SE",
];

export const STRIPE_PAYOUT_COUNTRIES: ReadonlySet<string> = new Set(["US", "GB", "CA", "CH", ...EEA]);

export const MPESA_PAYOUT_COUNTRIES: ReadonlySet<string> = new Set(["KE"]);

/** M-Pesa B2C pays Kenyan shillings only. */
export const MPESA_CURRENCY = "KES";
