import Link from "next/link";
import { AppError } from "@/lib/errors";
import { getInvitation } from "@/lib/organizations/accept-invitation";
import { ROLE_DESCRIPTIONS } from "@/lib/organizations/permissions";
import { AcceptInvitationForm } from "@/modules/team/accept-invitation-form";

/** Where an invitation link leads: whom it invites, and the form that makes their account. */
export default async function AcceptInvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  let invitation: Awaited<ReturnType<typeof getInvitation>> | null = null;
  let problem: string | null = null;
  try {
    invitation = await getInvitation({ token });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    problem = error.code === "resource_not_found" ? "This invitation link is not valid. Check that it was copied whole." : error.message;
  }
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-md">
        <p className="text-center text-3xl font-semibold tracking-tight text-brand-700">Harambee</p>
        <div className="mt-8 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
          {invitation ? (
            <>
              <h1 className="text-xl font-semibold">Join {invitation.organization}</h1>
              <p className="mt-1 mb-5 text-sm text-slate-600">
                You are invited as <strong>{invitation.role}</strong>: {ROLE_DESCRIPTIONS[invitation.role].toLowerCase()}.
              </p>
              <AcceptInvitationForm token={token} email={invitation.email} />
            </>
          ) : (
            <>
              <h1 className="text-xl font-semibold">Invitation unavailable</h1>
              <p className="mt-2 text-slate-600" data-testid="invitation-problem">
                {problem}
              </p>
              <p className="mt-4">
                <Link href="/login" className="font-medium text-brand-700 underline-offset-2 hover:underline">
                  Go to sign in
                </Link>
              </p>
            </>
          )}
        </div>
      </div>
    </main>
  );
}
