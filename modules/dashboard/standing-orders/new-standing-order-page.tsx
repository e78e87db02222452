import { PartnerPageHeader } from "@/components/ui/page-header";
import { requirePageActor } from "@/lib/auth/page-guard";
import { roleAllows } from "@/lib/organizations/permissions";
import { RoleRefusal } from "@/modules/layout/role-refusal";
import { listProgramOptions } from "@/lib/sponsorship/list-program-options";
import { listUnpaidSponsorships } from "@/lib/sponsorship/list-unpaid-sponsorships";
import { StandingOrderForm } from "@/modules/dashboard/standing-orders/standing-order-form";

export default async function NewStandingOrderPage() {
  const actor = await requirePageActor(["partner"]);
  if (!roleAllows(actor.memberRole, "finance"))
    return (
      <RoleRefusal
        actor={actor}
        permission="finance"
        title="Set up a standing order"
        back={{ href: "/dashboard/payments/standing-orders", label: "Standing orders" }}
      />
    );
  const [programs, sponsorships] = await Promise.all([listProgramOptions({ actor }), listUnpaidSponsorships({ actor })]);
  return (
    <div className="space-y-6">
      <PartnerPageHeader title="Set up a standing order" back={{ href: "/dashboard/payments/standing-orders", label: "Standing orders" }}>
        A payment started for you on every due date, for a program or a set of your sponsorships.
      </PartnerPageHeader>
      <StandingOrderForm programs={programs} sponsorships={sponsorships} today={new Date().toISOString().slice(0, 10)} />
    </div>
  );
}
