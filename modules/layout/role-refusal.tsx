import Link from "next/link";
import type { Actor } from "@/lib/auth/actor";
import { PERMISSION_WORDS, type Permission } from "@/lib/organizations/permissions";

/** Shown instead of a form the member's role does not allow: the service would refuse it anyway. */
export function RoleRefusal({
  actor,
  permission,
  title,
  back,
}: {
  actor: Actor;
  permission: Permission;
  title: string;
  back: { href: string; label: string };
}) {
  return (
    <section className="mx-auto max-w-lg rounded-lg border border-slate-200 bg-white p-8 text-center shadow-sm" data-testid="role-refusal">
      <h1 className="text-2xl font-semibold">{title}</h1>
      <p className="mt-2 text-slate-600">
        Your role ({actor.memberRole ?? "none"}) cannot {PERMISSION_WORDS[permission]}. An owner or admin of your organisation can change
        your role on the team page.
      </p>
      <p className="mt-4 flex justify-center gap-4">
        <Link href={back.href} className="font-medium text-brand-700 underline-offset-2 hover:underline">
          ← {back.label}
        </Link>
        <Link href="/team" className="font-medium text-brand-700 underline-offset-2 hover:underline">
          Team
        </Link>
      </p>
    </section>
  );
}
