/**
 * How a partner can pay an amount due, as printed on invoices and shown on the payment
 * page: the bank account to transfer to (bank-details.ts) and, when MPESA_PAYBILL_NUMBER is
 * set, M-Pesa Paybill with our payment reference as the account number. Either quotes the
 * exact reference so the money can be matched to what it pays.
 */
import { bankDetails, type BankDetails } from "../sponsorship/bank-details";

export interface PaybillDetails {
  business_number: string;
  account_number: string;
}

export interface PaymentInstructions {
  reference_to_quote: string;
  bank: BankDetails | null;
  paybill: PaybillDetails | null;
}

export function paybillNumber(): string | null {
  return process.env.MPESA_PAYBILL_NUMBER?.trim() || null;
}

export function paymentInstructions(reference: string): PaymentInstructions {
  const paybill = paybillNumber();
  return {
    reference_to_quote: reference,
    bank: bankDetails(),
    paybill: paybill ? { business_number: paybill, account_number: reference } : null,
  };
}
