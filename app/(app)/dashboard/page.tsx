import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/page-guard";

export const metadata: Metadata = { title: "Partner dashboard" };

export default async function DashboardPage() {
  const actor = await requirePageActor(["partner"]);
  return (
    <section>
      <h1 className="text-2xl font-semibold">Partner dashboard</h1>
      <p className="mt-1 text-slate-600">Signed in as {actor.email}. Your sponsorships, programs, payments and their impact.</p>
    </section>
  );
}
