import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/page-guard";

export const metadata: Metadata = { title: "Partnerships workspace" };

export default async function WorkspacePage() {
  const actor = await requirePageActor(["creator", "brand"]);
  return (
    <section>
      <h1 className="text-2xl font-semibold">Partnerships workspace</h1>
      <p className="mt-1 text-slate-600">Signed in as {actor.email}. Proposals, contracts, deliverables and escrow payments.</p>
    </section>
  );
}
