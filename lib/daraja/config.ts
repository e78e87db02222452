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
