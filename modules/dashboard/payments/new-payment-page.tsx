import { stripePublishableKey } from "@/lib/payments/stripe-client";
import { PartnerPageHeader } from "@/components/ui/page-header";
import { PaymentForm } from "@/modules/dashboard/payments/payment-form";
import { requirePageActor } from "@/lib/auth/page-guard";
import { roleAllows } from "@/lib/organizations/permissions";
import { RoleRefusal } from "@/modules/layout/role-refusal";
import { listProgramOptions } from "@/lib/sponsorship/list-program-options";
import { listUnpaidSponsorships } from "@/lib/sponsorship/list-unpaid-sponsorships";

export default async function NewPaymentPage() {
  const actor = await requirePageActor(["partner"]);
  if (!roleAllows(actor.memberRole, "finance"))
    return (
      <RoleRefusal
        actor={actor}
        permission="finance"
        title="Make a payment"
        back={{ href: "/dashboard/payments", label: "Payments and invoices" }}
      />
    );
  const [programs, sponsorships] = await Promise.all([listProgramOptions({ actor }), listUnpaidSponsorships({ actor })]);
  return (
    <div className="space-y-6">
      <PartnerPageHeader title="Make a payment" back={{ href: "/dashboard/payments", label: "Payments and invoices" }}>
        Fund a program or your pending sponsorships. Every payment gets an invoice.
      </PartnerPageHeader>
      <PaymentForm programs={programs} sponsorships={sponsorships} stripePublishableKey={stripePublishableKey()} />
    </div>
  );
}
