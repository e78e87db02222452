import { PartnerPageHeader } from "@/components/ui/page-header";
import { PaymentStatusPanel } from "@/modules/dashboard/payments/payment-status";
import { requirePageActor } from "@/lib/auth/page-guard";
import { orNotFound } from "@/lib/pages/or-not-found";
import { cardPaymentsAvailable } from "@/lib/sponsorship/card-payment";
import { getPayment } from "@/lib/sponsorship/get-payment";
import { labelFor } from "@/lib/humanize";

/** One payment, followed live until it settles: how to pay it while pending, then what came of it. */
export default async function PaymentStatusPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor(["partner"]);
  const { id } = await params;
  const payment = await orNotFound(getPayment({ actor, paymentId: id }));
  return (
    <div className="space-y-6">
      <PartnerPageHeader
        title={`Payment ${payment.payment_reference}`}
        back={{ href: "/dashboard/payments", label: "Payments and invoices" }}
      >
        {labelFor(payment.method)} payment{payment.sandbox ? " (sandbox: no real money moves)" : ""}.
      </PartnerPageHeader>
      <PaymentStatusPanel initial={payment} cardPayments={cardPaymentsAvailable()} />
    </div>
  );
}
