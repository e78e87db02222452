/**
 * POST /partner/payments: records a pending payment, what it funds and its invoice, in
 * one transaction. The payment completes later through complete-payment.ts (an admin
 * verifying it, the M-Pesa callback, or Stripe's webhook for a card payment; for a
 * sandbox payment, the partner's answer to its simulated prompt).
 */
import crypto from "node:crypto";
import type { z } from "zod";
import type { Actor } from "../auth/actor";
import { getDb, type DbTx } from "../db";
import type { PaymentMethod } from "../generated/prisma/client";
import { getPaymentProvider } from "../payments/payment-provider";
import { cardPaymentsUnavailable, createCardCharge } from "./card-payment";
import { toMinor } from "../money";
import { bankDetails } from "./bank-details";
import { listedReference } from "./list-payments";
import { invalidatePartnerMetrics } from "./metric-cache";
import { mpesaProvider, mpesaUnavailable, sendMpesaPrompt } from "./mpesa";
import { checkPaymentCoverage } from "./payment-coverage";
import { raiseInvoice } from "../billing/raise-invoice";
import { isUniqueViolation } from "../db/unique-violation";
import { partnerOf } from "./partner-of";
import type { createPaymentBody, createPaymentResponse } from "./schemas/payments";

type Body = z.output<typeof createPaymentBody>;
type Response = z.infer<typeof createPaymentResponse>;

const REFERENCE_PREFIX: Record<PaymentMethod, string> = { mpesa: "MP", bank_transfer: "BT", paypal: "PP", stripe: "ST" };
const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const MAX_ATTEMPTS = 5;

function randomToken(length: number, alphabet = ALPHANUMERIC): string {
  let out = "";
  for (let i = 0; i < length; i++) out += alphabet[crypto.randomInt(alphabet.length)];
  return out;
}

const compactDate = (date: Date) => date.toISOString().slice(0, 10).replaceAll("-", "");

function message(body: Body, sandbox: boolean): string {
  switch (body.method) {
    case "bank_transfer":
      return body.bank_reference
        ? "Payment initiated. Bank transfer verification pending."
        : "Payment initiated. Transfer the amount to the account given, quoting the reference given; bank transfer verification pending.";
    case "mpesa":
      return sandbox
        ? `Sandbox M-Pesa: no real prompt was sent to ${body.phone_number} and no money moves. Approve or cancel the simulated prompt on the payment page.`
        : `M-Pesa payment request sent to ${body.phone_number}. Enter your M-Pesa PIN to complete the payment.`;
    case "paypal":
      return "Payment initiated. Complete the payment with PayPal to confirm it.";
    case "stripe":
      return sandbox
        ? "Sandbox card payment: no card is charged and no money moves. Complete or cancel the simulated card payment under Pay by card on your payments page."
        : "Payment initiated. Enter your card details to complete it.";
  }
}

/**
 * Payments the partner makes themselves, with nothing to ask the provider about, lapse
 * with their invoice: unpaid at the end of its due date, they fail as expired and what
 * they covered can be paid again. M-Pesa's outcome is asked of M-Pesa, and a card
 * payment's is Stripe's to report.
 */
const EXPIRES_WITH_INVOICE: ReadonlySet<PaymentMethod> = new Set<PaymentMethod>(["bank_transfer", "paypal"]);
const DAY_MS = 86_400_000;

async function invoiceExpiry(tx: DbTx, invoiceId: string): Promise<Date> {
  const { dueDate } = await tx.invoice.findUniqueOrThrow({ where: { id: invoiceId }, select: { dueDate: true } });
  return new Date(dueDate.getTime() + DAY_MS);
}

function transferInstructions(reference: string) {
  const bank = bankDetails();
  return bank ? { reference_to_quote: reference, ...bank } : null;
}

export async function createPayment(options: { actor: Actor; body: Body; now?: Date }): Promise<Response> {
  return startPayment({ partnerId: partnerOf(options.actor, "finance"), body: options.body, now: options.now });
}

export interface StartPaymentOptions {
  partnerId: string;
  body: Body;
  now?: Date;
  /** The standing order due date this payment is made for. */
  standingOrderRunId?: string;
}

/**
 * Records a pending payment, what it covers and its invoice in one transaction; then, for
 * M-Pesa, prompts the payer's phone (never inside the transaction: a prompt must not be
 * sent for a payment that was not recorded).
 */
export async function startPayment(options: StartPaymentOptions): Promise<Response> {
  const { partnerId, body } = options;
  const sponsorshipIds = [...new Set(body.sponsorship_ids ?? [])];
  const amountMinor = toMinor(body.amount);
  const mpesa = body.method === "mpesa" ? mpesaProvider() : null;
  if (body.method === "mpesa" && !mpesa) throw mpesaUnavailable();
  const cards = body.method === "stripe" ? getPaymentProvider() : null;
  if (cards?.name === "unavailable") throw cardPaymentsUnavailable();

  let recorded: Response;
  for (let attempt = 1; ; attempt++) {
    const now = options.now ?? new Date();
    try {
      recorded = await getDb().$transaction(async (tx) => {
        await invalidatePartnerMetrics(tx, partnerId);
        await checkPaymentCoverage(tx, { partnerId, programId: body.program_id ?? null, sponsorshipIds });

        const reference = `${REFERENCE_PREFIX[body.method]}_${compactDate(now)}_${randomToken(6)}`;
        const sandbox = mpesa?.name === "sandbox" || cards?.name === "sandbox";
        const payment = await tx.payment.create({
          data: {
            partnerId,
            programId: body.program_id ?? null,
            amountMinor,
            currency: body.currency,
            method: body.method,
            status: "pending",
            description: body.description || null,
            reference,
            bankReference: body.method === "bank_transfer" ? (body.bank_reference ?? null) : null,
            phoneNumber: body.method === "mpesa" ? (body.phone_number ?? null) : null,
            sandbox,
            standingOrderRunId: options.standingOrderRunId ?? null,
            createdAt: now,
            sponsorships: { createMany: { data: sponsorshipIds.map((sponsorshipId) => ({ sponsorshipId })) } },
          },
        });
        const invoice = await raiseInvoice(tx, {
          partnerId,
          paymentId: payment.id,
          programId: payment.programId,
          sponsorshipIds,
          amountMinor,
          currency: payment.currency,
          description: payment.description,
          now,
        });
        const expiresAt = EXPIRES_WITH_INVOICE.has(payment.method) ? await invoiceExpiry(tx, invoice.id) : null;
        if (expiresAt) await tx.payment.update({ where: { id: payment.id }, data: { expiresAt } });

        // Last: should the transaction still fail, the partner never gets the secret, so the charge is never paid.
        const card = body.method === "stripe" ? await createCardCharge(payment) : null;
        if (card) await tx.payment.update({ where: { id: payment.id }, data: { providerRef: card.providerPaymentIntent } });

        return {
          id: payment.id,
          amount: body.amount,
          currency: payment.currency,
          method: payment.method,
          status: "pending" as const,
          reference: listedReference(payment),
          payment_reference: payment.reference,
          invoice_id: invoice.id,
          created_at: payment.createdAt.toISOString(),
          message: message(body, sandbox),
          sandbox,
          ...(body.method === "bank_transfer" ? { bank_transfer: transferInstructions(payment.reference) } : {}),
          // Only a Stripe charge has a secret Stripe.js can pay with; a sandbox one is answered on the pay page.
          ...(card && !card.sandbox ? { client_secret: card.clientSecret } : {}),
        };
      });
      break;
    } catch (error) {
      if (attempt < MAX_ATTEMPTS && isUniqueViolation(error)) continue;
      throw error;
    }
  }
  if (!mpesa) return recorded;
  const prompt = await sendMpesaPrompt({ provider: mpesa, paymentId: recorded.id, now: options.now ?? new Date() });
  return { ...recorded, checkout_request_id: prompt.checkoutRequestId };
}
