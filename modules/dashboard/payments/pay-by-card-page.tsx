import { PartnerPageHeader } from "@/components/ui/page-header";
import { CardSandboxPrompt } from "@/modules/dashboard/payments/card-sandbox-prompt";
import { StripePaymentForm } from "@/modules/dashboard/payments/stripe-payment-form";
import { requirePageActor } from "@/lib/auth/page-guard";
import { AppError } from "@/lib/errors";
import { orNotFound } from "@/lib/pages/or-not-found";
import { formatMoney } from "@/lib/format";
import { toMajor } from "@/lib/money";
import { stripePublishableKey } from "@/lib/payments/stripe-client";
import { cardPaymentSecret } from "@/lib/sponsorship/card-payment";

/**
 * Pays a pending card payment, for a partner who left the page before entering the card:
 * Stripe's card form, or where the sandbox stands in for Stripe, its simulated card payment.
 */
export default async function PayByCardPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor(["partner"]);
  const { id } = await params;
  const publishableKey = stripePublishableKey();
  let card: Awaited<ReturnType<typeof cardPaymentSecret>> | null = null;
  let refusal: string | null = null;
  try {
    card = await orNotFound(cardPaymentSecret({ actor, paymentId: id }));
  } catch (error) {
    // The not-found page is thrown, not an AppError, so it passes on.
    if (!(error instanceof AppError)) throw error;
    refusal = error.message;
  }
  return (
    <div className="space-y-6">
      <PartnerPageHeader title="Pay by card" back={{ href: "/dashboard/payments", label: "Payments and invoices" }}>
        {card ? `Payment ${card.reference}.` : "This payment cannot be paid by card."}
      </PartnerPageHeader>
      <section aria-label="Card payment" className="max-w-xl rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        {card?.sandbox ? (
          <CardSandboxPrompt paymentId={card.paymentId} amountLabel={formatMoney(toMajor(card.amountMinor), card.currency)} />
        ) : card && publishableKey ? (
          <StripePaymentForm
            publishableKey={publishableKey}
            clientSecret={card.clientSecret}
            amountLabel={formatMoney(toMajor(card.amountMinor), card.currency)}
            settledText="It shows as completed on your payments page as soon as Stripe confirms it."
          />
        ) : (
          <p role="status" className="text-sm text-slate-700">
            {refusal ?? "Card payments are not available on this server."}
          </p>
        )}
      </section>
    </div>
  );
}
