import { LocalDate } from "@/components/ui/local-date";
import type { PaymentResponse } from "@/lib/partnerships/schemas/payments";

/** Where a released payment's money is: on its way to the creator, paid out, or waiting. */
export function PayoutStatus({ payment, side }: { payment: PaymentResponse; side: "brand" | "creator" }) {
  if (payment.status !== "completed") return null;
  const payout = payment.payout;
  if (!payout) {
    return (
      <p className="mt-1 text-sm text-slate-600" data-testid="payout-status" data-payout-status="none">
        {side === "creator"
          ? "Released: choose how you are paid on your account page to receive it."
          : "Released: waiting for the creator to choose how they are paid."}
      </p>
    );
  }
  const by = payout.method === "mpesa" ? "M-Pesa" : "Stripe";
  return (
    <p className="mt-1 text-sm text-slate-600" data-testid="payout-status" data-payout-status={payout.status}>
      {payout.status === "paid" ? (
        <>
          Paid out by {by}
          {payout.paidAt ? (
            <>
              {" "}
              on <LocalDate value={payout.paidAt} time />
            </>
          ) : null}
          {payout.receipt ? ` · receipt ${payout.receipt}` : payout.providerRef ? ` · ${payout.providerRef}` : ""}
          {payout.sandbox ? " (sandbox: no money moved)" : ""}
        </>
      ) : payout.status === "failed" ? (
        <>
          Payout by {by} failed{payout.failureReason ? `: ${payout.failureReason}` : ""}. The money stays held for the creator and is sent
          again.
        </>
      ) : (
        <>Being paid out by {by}.</>
      )}
    </p>
  );
}
