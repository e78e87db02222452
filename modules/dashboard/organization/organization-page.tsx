import { PartnerPageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/stat-card";
import { requirePageActor } from "@/lib/auth/page-guard";
import { getOrganizationDetails } from "@/lib/billing/get-organization-details";
import { updateOrganizationDetailsAction } from "@/modules/dashboard/organization/actions";
import { OrganizationForm } from "@/modules/dashboard/organization/organization-form";

export default async function OrganizationPage() {
  const actor = await requirePageActor(["partner"]);
  const details = await getOrganizationDetails({ actor, organization: "own" });
  return (
    <div className="space-y-6">
      <PartnerPageHeader title="Organisation details" back={{ href: "/dashboard/payments", label: "Payments and invoices" }}>
        The legal details printed on your invoices, receipts and statements.
      </PartnerPageHeader>
      <Panel id="organization-details-heading" title={details.name}>
        <p className="mb-4 text-sm text-slate-600">
          Documents already issued keep the details they were issued with; changes apply to documents issued from now on.
        </p>
        <OrganizationForm details={details} action={updateOrganizationDetailsAction} subject="your organisation" />
      </Panel>
    </div>
  );
}
