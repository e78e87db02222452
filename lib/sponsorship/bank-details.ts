/**
 * The account partners send bank transfers to, from BANK_NAME, BANK_ACCOUNT_NAME,
 * BANK_ACCOUNT_NUMBER and optionally BANK_BRANCH and BANK_SWIFT_CODE. Without them,
 * where sandbox payments are enabled, labelled demo details stand in; otherwise there
 * are none to show.
 */
import { sandboxPaymentsEnabled } from "../payments/sandbox-mode";

export interface BankDetails {
  bank_name: string;
  account_name: string;
  account_number: string;
  branch: string | null;
  swift_code: string | null;
  sandbox: boolean;
}

const env = (name: string) => process.env[name]?.trim() || null;

export function bankDetails(): BankDetails | null {
  const bank = env("BANK_NAME");
  const account = env("BANK_ACCOUNT_NAME");
  const number = env("BANK_ACCOUNT_NUMBER");
  if (bank && account && number)
    return {
      bank_name: bank,
      account_name: account,
      account_number: number,
      branch: env("BANK_BRANCH"),
      swift_code: env("BANK_SWIFT_CODE"),
      sandbox: false,
    };
  if (!sandboxPaymentsEnabled()) return null;
  return {
    bank_name: "Sandbox Bank (demo details: do not send money)",
    account_name: "Harambee Education Fund (demo)",
    account_number: "0000000000",
    branch: "Nairobi",
    swift_code: null,
    sandbox: true,
  };
}
