/**
 * Whether sandbox payment providers may stand in for missing provider credentials. A
 * sandbox lets a payer confirm their own payment without paying, so it is for the demo
 * and the tests: on by default outside production, and in production only when
 * SANDBOX_PAYMENTS=on says so. Every sandbox payment is labelled as one.
 */
export function sandboxPaymentsEnabled(): boolean {
  const setting = process.env.SANDBOX_PAYMENTS?.trim().toLowerCase();
  if (setting === "on" || setting === "true" || setting === "1") return true;
  if (setting === "off" || setting === "false" || setting === "0") return false;
  return process.env.NODE_ENV !== "production";
}
