import { redirect } from "next/navigation";
import { AppHeader } from "@/components/layout/app-header";
import { actorFromSession } from "@/lib/auth/actor";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const actor = await actorFromSession();
  if (!actor) redirect("/login");
  return (
    <>
      <AppHeader actor={actor} />
      <main className="mx-auto max-w-6xl px-4 py-8">{children}</main>
    </>
  );
}
