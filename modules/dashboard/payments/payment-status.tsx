"use client";

import Link from "next/link";
import { QueryClient, QueryClientProvider, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { MpesaSandboxPrompt } from "@/modules/dashboard/payments/mpesa-sandbox-prompt";
import { LocalDate } from "@/components/ui/local-date";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatMoney } from "@/lib/format";
import { labelFor } from "@/lib/humanize";
import type { PaymentDetail } from "@/lib/sponsorship/get-payment";

/** How often a pending payment is asked about: often enough to see an M-Pesa answer within seconds. */
const POLL_MS = 2_500;

async function fetchPayment(id: string): Promise<PaymentDetail> {
  const response = await fetch(`/api/v1/partner/payments/${encodeURIComponent(id)}`, {
    credentials: "same-origin",
    cache: "no-store",
    headers: { accept: "application/json" },
  });
  if (!response.ok) throw new Error(`The payment could not be read (HTTP ${response.status})`);
  return (await response.json()) as PaymentDetail;
}

/** The payment's status, asked for again every few seconds while it is pending. */
export function PaymentStatusPanel(props: { initial: PaymentDetail; cardPayments: boolean }) {
  const [client] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: 2, refetchOnWindowFocus: true } } }));
  return (
    <QueryClientProvider client={client}>
      <FollowedPayment {...props} />
    </QueryClientProvider>
  );
}

function FollowedPayment({ initial, cardPayments }: { initial: PaymentDetail; cardPayments: boolean }) {
  const query = useQuery({
    queryKey: ["partner-payment", initial.id],
    queryFn: () => fetchPayment(initial.id),
    initialData: initial,
    refetchInterval: (q) => (q.state.data?.status === "pending" ? POLL_MS : false),
    refetchIntervalInBackground: false,
  });
  const payment = query.data;
  const amount = formatMoney(payment.amount, payment.currency);
  const expired = payment.status === "failed" && payment.failure_code === "expired";

  return (
    <div className="max-w-2xl space-y-4">
      {payment.sandbox ? (
        <div
          role="note"
          className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900"
          data-testid="sandbox-label"
        >
          <p className="font-semibold">Sandbox payment: no real money moves</p>
          <p className="mt-0.5">This payment goes through a simulated provider; nothing is charged and no money is received.</p>
        </div>
      ) : null}

      <section aria-labelledby="payment-status-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="payment-status-heading" className="text-lg font-semibold">
          Status
        </h2>
        <div
          role="status"
          aria-live="polite"
          className="mt-2 space-y-1"
          data-testid="payment-status"
          data-status={expired ? "expired" : payment.status}
        >
          <p className="flex flex-wrap items-center gap-2">
            <StatusBadge status={expired ? "expired" : payment.status} tone={expired ? "warning" : undefined} />
            <span className="font-medium">{outcomeHeadline(payment, expired)}</span>
          </p>
          <p className="text-sm text-slate-700">{outcomeDetail(payment, expired, amount)}</p>
        </div>
        {payment.status === "pending" ? (
          <p className="mt-2 text-xs text-slate-600">This page updates by itself until the payment settles{query.isFetching ? "…" : "."}</p>
        ) : null}
        {query.isError ? (
          <p className="mt-2 text-sm text-rose-800">The latest status could not be read; trying again. Reload the page if this persists.</p>
        ) : null}

        <dl className="mt-4 grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="text-slate-600">Amount</dt>
          <dd className="font-medium">{amount}</dd>
          <dt className="text-slate-600">Method</dt>
          <dd className="font-medium">{labelFor(payment.method)}</dd>
          <dt className="text-slate-600">Our reference</dt>
          <dd className="font-mono font-medium break-all">{payment.payment_reference}</dd>
          {payment.reference !== payment.payment_reference ? (
            <>
              <dt className="text-slate-600">Your reference</dt>
              <dd className="font-mono font-medium break-all">{payment.reference}</dd>
            </>
          ) : null}
          {payment.phone_number ? (
            <>
              <dt className="text-slate-600">Phone</dt>
              <dd className="font-medium">{payment.phone_number}</dd>
            </>
          ) : null}
          <dt className="text-slate-600">Started</dt>
          <dd className="font-medium">
            <LocalDate value={payment.created_at} />
          </dd>
          {payment.completed_at ? (
            <>
              <dt className="text-slate-600">Completed</dt>
              <dd className="font-medium">
                <LocalDate value={payment.completed_at} />
              </dd>
            </>
          ) : null}
          {payment.receipt ? (
            <>
              <dt className="text-slate-600">{payment.method === "mpesa" ? "M-Pesa receipt" : "Provider receipt"}</dt>
              <dd className="font-mono font-medium" data-testid="payment-receipt">
                {payment.receipt}
              </dd>
            </>
          ) : null}
          {payment.status === "pending" && payment.expires_at ? (
            <>
              <dt className="text-slate-600">Expires</dt>
              <dd className="font-medium">
                <LocalDate value={payment.expires_at} />
              </dd>
            </>
          ) : null}
        </dl>
      </section>

      {payment.status === "pending" && payment.method === "mpesa" && payment.sandbox ? (
        <section aria-label="Simulated M-Pesa prompt">
          <MpesaSandboxPrompt paymentId={payment.id} amountLabel={amount} phone={payment.phone_number} />
        </section>
      ) : null}

      {payment.status === "pending" && payment.method === "stripe" && cardPayments ? (
        <p className="text-sm">
          <Link href={`/dashboard/payments/${payment.id}/pay`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
            Pay this payment by card
          </Link>
        </p>
      ) : null}

      {payment.instructions ? <HowToPay instructions={payment.instructions} amount={amount} /> : null}

      <p className="text-sm">
        <Link href="/dashboard/payments" className="font-medium text-brand-700 underline-offset-2 hover:underline">
          All payments and invoices
        </Link>
      </p>
    </div>
  );
}

function outcomeHeadline(payment: PaymentDetail, expired: boolean): string {
  if (expired) return "Expired";
  switch (payment.status) {
    case "pending":
      return payment.method === "mpesa" ? "Waiting for the M-Pesa prompt to be answered" : "Waiting for the payment";
    case "completed":
      return "Paid";
    case "failed":
      return "Failed";
    case "refunded":
      return "Refunded";
  }
}

function outcomeDetail(payment: PaymentDetail, expired: boolean, amount: string): string {
  if (expired) {
    return `No payment was received before it expired, so it was closed and its invoice voided. ${payment.failure_reason ?? ""} What it covered can be paid again with a new payment.`.trim();
  }
  switch (payment.status) {
    case "pending":
      switch (payment.method) {
        case "mpesa":
          return payment.sandbox
            ? "Answer the simulated prompt below as the payer would on their phone."
            : `A request for ${amount} went to ${payment.phone_number ?? "the phone given"}. Enter your M-Pesa PIN on the phone to approve it.`;
        case "bank_transfer":
          return "Transfer the amount as shown below, quoting the reference exactly. The payment completes once the transfer is matched on our bank statement.";
        case "paypal":
          return "Complete the payment in PayPal. It completes once PayPal confirms it.";
        case "stripe":
          return "Complete the card payment. It completes once the card charge is confirmed.";
      }
      return "";
    case "completed":
      return payment.receipt
        ? `${amount} was received${payment.method === "mpesa" ? `; M-Pesa receipt ${payment.receipt}` : `; receipt ${payment.receipt}`}.`
        : `${amount} was received.`;
    case "failed":
      return `${payment.failure_reason ?? "The payment did not go through."} No money was taken; its invoice was voided, and what it covered can be paid again.`;
    case "refunded":
      return `${amount} was refunded.`;
  }
}

function HowToPay({ instructions, amount }: { instructions: NonNullable<PaymentDetail["instructions"]>; amount: string }) {
  return (
    <section
      aria-labelledby="how-to-pay-heading"
      className="rounded-lg border border-brand-500/40 bg-brand-50 p-5"
      data-testid="payment-instructions"
    >
      <h2 id="how-to-pay-heading" className="text-lg font-semibold">
        How to pay
      </h2>
      <p className="mt-1 text-sm">
        Pay <strong>{amount}</strong> and quote the reference{" "}
        <strong className="font-mono" data-testid="reference-to-quote">
          {instructions.reference_to_quote}
        </strong>{" "}
        exactly, so the money can be matched to this payment.
      </p>
      {instructions.bank ? (
        <div className="mt-3 rounded-md border border-slate-200 bg-white p-3 text-sm" data-testid="bank-transfer-instructions">
          <h3 className="font-medium">Bank transfer</h3>
          {instructions.bank.sandbox ? (
            <p className="mt-1 text-xs font-semibold text-amber-900">Demo details: do not send money to this account.</p>
          ) : null}
          <dl className="mt-2 grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[auto_1fr]">
            <dt className="text-slate-600">Bank</dt>
            <dd className="font-medium">{instructions.bank.bank_name}</dd>
            <dt className="text-slate-600">Account name</dt>
            <dd className="font-medium">{instructions.bank.account_name}</dd>
            <dt className="text-slate-600">Account number</dt>
            <dd className="font-mono font-medium">{instructions.bank.account_number}</dd>
            {instructions.bank.branch ? (
              <>
                <dt className="text-slate-600">Branch</dt>
                <dd className="font-medium">{instructions.bank.branch}</dd>
              </>
            ) : null}
            {instructions.bank.swift_code ? (
              <>
                <dt className="text-slate-600">SWIFT code</dt>
                <dd className="font-mono font-medium">{instructions.bank.swift_code}</dd>
              </>
            ) : null}
            <dt className="text-slate-600">Reference to quote</dt>
            <dd className="font-mono font-medium">{instructions.reference_to_quote}</dd>
          </dl>
        </div>
      ) : (
        <p className="mt-2 text-sm">No bank account is configured on this server; contact us for the account to transfer to.</p>
      )}
      {instructions.paybill ? (
        <div className="mt-3 rounded-md border border-slate-200 bg-white p-3 text-sm" data-testid="paybill-instructions">
          <h3 className="font-medium">M-Pesa Paybill</h3>
          <dl className="mt-2 grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[auto_1fr]">
            <dt className="text-slate-600">Business number</dt>
            <dd className="font-mono font-medium">{instructions.paybill.business_number}</dd>
            <dt className="text-slate-600">Account number</dt>
            <dd className="font-mono font-medium">{instructions.paybill.account_number}</dd>
          </dl>
        </div>
      ) : null}
    </section>
  );
}
