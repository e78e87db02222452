import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/page-guard";

export const metadata: Metadata = { title: "Payments to verify" };

export default async function AdminPage() {
  const actor = await requirePageActor(["admin"]);
  return (
    <section>
      <h1 className="text-2xl font-semibold">Payments to verify</h1>
      <p className="mt-1 text-slate-600">Signed in as {actor.email}. Partner payments awaiting verification.</p>
    </section>
  );
}
