/**
 * Safaricom Daraja settings, read from the environment on every call (tests change them).
 * Without a consumer key and secret there is no Daraja client, and M-Pesa payouts go through
 * the labelled sandbox where sandbox payments are on (lib/payouts/mpesa-payouts.ts).
 */
export interface DarajaConfig {
  baseUrl: string;
  consumerKey: string;
  consumerSecret: string;
}

export interface B2CConfig {
  shortcode: string;
  initiatorName: string;
  /** The initiator password RSA-encrypted with Safaricom's certificate (it differs between sandbox and production), base64. */
  securityCredential: string;
  /** Public base URL Safaricom posts results to, e.g. https://harambee.example.org. */
  callbackBaseUrl: string;
  /** Secret path segment of the callback URLs. */
  callbackToken: string;
}

const env = (name: string) => process.env[name]?.trim() || undefined;

export const DARAJA_SANDBOX_URL = "https://sandbox.safaricom.co.ke";

export function darajaConfig(): DarajaConfig | null {
  const consumerKey = env("DARAJA_CONSUMER_KEY");
  const consumerSecret = env("DARAJA_CONSUMER_SECRET");
  if (!consumerKey || !consumerSecret) return null;
  return { baseUrl: (env("DARAJA_BASE_URL") ?? DARAJA_SANDBOX_URL).replace(/\/+$/, ""), consumerKey, consumerSecret };
}

/** The B2C settings, or the names of the missing ones. */
export function b2cConfig(): B2CConfig | { missing: string[] } {
  const values = {
    shortcode: env("DARAJA_B2C_SHORTCODE"),
    initiatorName: env("DARAJA_INITIATOR_NAME"),
    securityCredential: env("DARAJA_SECURITY_CREDENTIAL"),
    callbackBaseUrl: env("DARAJA_CALLBACK_BASE_URL")?.replace(/\/+$/, ""),
    callbackToken: env("DARAJA_CALLBACK_TOKEN"),
  };
  const names: Record<keyof typeof values, string> = {
    shortcode: "DARAJA_B2C_SHORTCODE",
    initiatorName: "DARAJA_INITIATOR_NAME",
    securityCredential: "DARAJA_SECURITY_CREDENTIAL",
    callbackBaseUrl: "DARAJA_CALLBACK_BASE_URL",
    callbackToken: "DARAJA_CALLBACK_TOKEN",
  };
  const missing = (Object.keys(values) as Array<keyof typeof values>).filter((key) => !values[key]).map((key) => names[key]);
  return missing.length ? { missing } : (values as B2CConfig);
}

/** The callback token the result routes accept; unset means every callback is refused. */
export function callbackToken(): string | undefined {
  return env("DARAJA_CALLBACK_TOKEN");
}

export const STK_TRANSACTION_TYPES = ["CustomerPayBillOnline", "CustomerBuyGoodsOnline"] as const;
export type StkTransactionType = (typeof STK_TRANSACTION_TYPES)[number];

export interface StkConfig {
  /** The Paybill (or, for Buy Goods, the head office) shortcode the prompt is issued for. */
  shortcode: string;
  /** Lipa na M-Pesa Online passkey, from which each request's Password is derived. */
  passkey: string;
  transactionType: StkTransactionType;
  /** Who receives the money: the shortcode for a Paybill, the till number for Buy Goods. */
  partyB: string;
  callbackBaseUrl: string;
  callbackToken: string;
  /** A prompt without a result this many seconds after it was sent is asked about with STK Query. */
  queryAfterSeconds: number;
}

/** The STK push settings, or the names of the missing or invalid ones. */
export function stkConfig(): StkConfig | { missing: string[] } {
  const missing: string[] = [];
  const shortcode = env("DARAJA_STK_SHORTCODE");
  const passkey = env("DARAJA_PASSKEY");
  const callbackBaseUrl = env("DARAJA_CALLBACK_BASE_URL")?.replace(/\/+$/, "");
  const token = callbackToken();
  const type = env("DARAJA_STK_TRANSACTION_TYPE") ?? "CustomerPayBillOnline";
  const partyB = env("DARAJA_STK_PARTY_B") ?? (type === "CustomerBuyGoodsOnline" ? undefined : shortcode);
  if (!shortcode) missing.push("DARAJA_STK_SHORTCODE");
  if (!passkey) missing.push("DARAJA_PASSKEY");
  if (!callbackBaseUrl) missing.push("DARAJA_CALLBACK_BASE_URL");
  if (!token) missing.push("DARAJA_CALLBACK_TOKEN");
  if (!(STK_TRANSACTION_TYPES as readonly string[]).includes(type)) missing.push("DARAJA_STK_TRANSACTION_TYPE");
  // A Buy Goods prompt pays a till, which is never the shortcode itself.
  if (!partyB && shortcode) missing.push("DARAJA_STK_PARTY_B");
  if (missing.length) return { missing };
  const after = Number(env("DARAJA_STK_QUERY_AFTER_SECONDS") ?? 120);
  return {
    shortcode: shortcode!,
    passkey: passkey!,
    transactionType: type as StkTransactionType,
    partyB: partyB!,
    callbackBaseUrl: callbackBaseUrl!,
    callbackToken: token!,
    queryAfterSeconds: Number.isFinite(after) && after >= 0 ? after : 120,
  };
}

const list = (name: string) =>
  (env(name) ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);

/** Addresses M-Pesa callbacks are accepted from (DARAJA_CALLBACK_ALLOWED_IPS); empty means any sender with the token. */
export function callbackAllowedIps(): string[] {
  return list("DARAJA_CALLBACK_ALLOWED_IPS");
}

/** Proxies whose X-Forwarded-For is believed for the callback sender (TRUSTED_PROXIES). */
export function trustedProxies(): string[] {
  return list("TRUSTED_PROXIES");
}
