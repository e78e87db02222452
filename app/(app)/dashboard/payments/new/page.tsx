import type { Metadata } from "next";
import { PartnerPageHeader } from "@/components/partner/page-header";
import { PaymentForm } from "@/components/partner/payment-form";
import { requirePageActor } from "@/lib/auth/page-guard";
import { listProgramOptions, listUnpaidSponsorships } from "@/lib/partner/form-options";

export const metadata: Metadata = { title: "Make a payment" };

export default async function NewPaymentPage() {
  const actor = await requirePageActor(["partner"]);
  const [programs, sponsorships] = await Promise.all([listProgramOptions({ actor }), listUnpaidSponsorships({ actor })]);
  return (
    <div className="space-y-6">
      <PartnerPageHeader title="Make a payment" back={{ href: "/dashboard/payments", label: "Payments and invoices" }}>
        Fund a program or your pending sponsorships. Every payment gets an invoice.
      </PartnerPageHeader>
      <PaymentForm programs={programs} sponsorships={sponsorships} stripePublishableKey={process.env.STRIPE_PUBLISHABLE_KEY ?? null} />
    </div>
  );
}
