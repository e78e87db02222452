import { ChangePasswordForm, SignOutEverywhereButton } from "@/modules/account/account-forms";
import { PayoutMethodForm } from "@/modules/account/payout-method-form";
import { requirePageActor } from "@/lib/auth/page-guard";
import { getPayoutMethod } from "@/lib/payouts/payout-method";

export default async function AccountPage() {
  const actor = await requirePageActor(["partner", "creator", "brand", "admin"]);
  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-2xl font-semibold text-slate-900">Account</h1>
        <p className="mt-1 text-sm text-slate-600">
          Signed in as {actor.name} ({actor.email}).
        </p>
      </header>
      {actor.role === "creator" ? (
        <section aria-labelledby="payout-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
          <h2 id="payout-heading" className="text-lg font-semibold text-slate-900">
            How you are paid
          </h2>
          <p className="mt-1 mb-4 text-sm text-slate-600">
            When a brand releases a payment, it is paid out to you this way. Stripe cannot pay out to Kenya, so Kenyan creators are paid by
            M-Pesa.
          </p>
          <PayoutMethodForm current={await getPayoutMethod({ actor })} />
        </section>
      ) : null}
      <section aria-labelledby="password-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="password-heading" className="text-lg font-semibold text-slate-900">
          Change password
        </h2>
        <p className="mt-1 mb-4 text-sm text-slate-600">
          Every session and API token issued before the change stops working, this one included.
        </p>
        <ChangePasswordForm />
      </section>
      <section aria-labelledby="sessions-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="sessions-heading" className="text-lg font-semibold text-slate-900">
          Sign out everywhere
        </h2>
        <p className="mt-1 mb-4 text-sm text-slate-600">
          Ends every browser session and revokes every API token of this account, on every device. Use it if a device was lost or a token
          may have leaked.
        </p>
        <SignOutEverywhereButton />
      </section>
    </div>
  );
}
