import { redirect } from "next/navigation";
import { actorFromSession } from "@/lib/auth/actor";
import { homePathFor } from "@/lib/auth/home";

export const dynamic = "force-dynamic";

export default async function Home() {
  const actor = await actorFromSession();
  redirect(actor ? homePathFor(actor.role) : "/login");
}
