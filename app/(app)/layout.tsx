import { actorFromSession } from "@/lib/auth/actor";
import { redirectToLogin } from "@/lib/auth/return-path";
import { AppShell } from "@/modules/layout/app-shell";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const actor = await actorFromSession();
  if (!actor) return redirectToLogin();
  return <AppShell actor={actor}>{children}</AppShell>;
}
