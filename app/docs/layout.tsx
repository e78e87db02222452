import { actorFromSession } from "@/lib/auth/actor";
import { AppShell } from "@/modules/layout/app-shell";

/** The API reference is public; a signed-in reader sees it inside their own menu. */
export default async function DocsLayout({ children }: { children: React.ReactNode }) {
  return <AppShell actor={await actorFromSession()}>{children}</AppShell>;
}
