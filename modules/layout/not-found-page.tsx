import Link from "next/link";
import { actorFromSession } from "@/lib/auth/actor";
import { homePathFor } from "@/lib/auth/home";
import { AppShell } from "./app-shell";

/** What an unknown address shows: where the reader is, and the ways back. */
export default async function NotFoundPage() {
  const actor = await actorFromSession();
  const home = actor ? homePathFor(actor.role) : "/login";
  return (
    <AppShell actor={actor}>
      <div className="mx-auto max-w-lg space-y-4 py-12 text-center">
        <p className="text-sm font-semibold text-brand-700">404</p>
        <h1 className="text-2xl font-semibold">Page not found</h1>
        <p className="text-slate-700">
          There is no page at this address, or it is not one you can see. Check the link, or start again from{" "}
          {actor ? "your home page" : "the sign-in page"}.
        </p>
        <div className="flex flex-wrap justify-center gap-3">
          <Link href={home} className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-600">
            {actor ? "Go to your home page" : "Sign in"}
          </Link>
          <Link href="/docs" className="rounded-md border border-slate-300 px-4 py-2 text-sm text-slate-700 hover:border-brand-600">
            API reference
          </Link>
        </div>
      </div>
    </AppShell>
  );
}
