import { requirePageActor } from "@/lib/auth/page-guard";
import { getOrganizationDetails } from "@/lib/billing/get-organization-details";
import { updateIssuerDetailsAction } from "@/modules/admin/organization/actions";
import { OrganizationForm } from "@/modules/dashboard/organization/organization-form";

export default async function IssuerOrganizationPage() {
  const actor = await requirePageActor(["admin"]);
  const details = await getOrganizationDetails({ actor, organization: "issuer" });
  return (
    <section aria-labelledby="issuer-title" className="space-y-4">
      <div>
        <h1 id="issuer-title" className="text-2xl font-semibold">
          Issuing organisation
        </h1>
        <p className="mt-1 text-slate-600">
          {details.name} issues every invoice, receipt and statement. Its legal name, address, KRA PIN and billing email are printed on
          documents issued from now on; documents already issued keep theirs.
        </p>
      </div>
      <div className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <OrganizationForm details={details} action={updateIssuerDetailsAction} subject={details.name} />
      </div>
    </section>
  );
}
