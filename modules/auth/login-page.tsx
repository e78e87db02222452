import { redirect } from "next/navigation";
import { LoginForm } from "@/modules/auth/login-form";
import { actorFromSession } from "@/lib/auth/actor";
import { homePathFor } from "@/lib/auth/home";
import { safeReturnPath } from "@/lib/auth/return-path";

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const returnTo = safeReturnPath((await searchParams).returnTo);
  const actor = await actorFromSession();
  if (actor) redirect(returnTo ?? homePathFor(actor.role));
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <h1 className="text-center text-3xl font-semibold tracking-tight text-brand-700">Harambee</h1>
        <p className="mt-2 text-center text-sm text-slate-600">Sign in to your partner dashboard or workspace.</p>
        <div className="mt-8 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
          <LoginForm returnTo={returnTo} />
        </div>
      </div>
    </main>
  );
}
