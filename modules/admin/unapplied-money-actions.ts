"use server";

import { revalidatePath } from "next/cache";
import { requirePageActor } from "@/lib/auth/page-guard";
import type { ActionState } from "@/lib/forms/action-state";
import { runAction } from "@/lib/forms/run-action";
import { resolveUnappliedMoneyBody } from "@/lib/sponsorship/schemas/unapplied-money";
import { resolveUnappliedMoney } from "@/lib/sponsorship/unapplied-money";

/** Records what an admin did with money received that paid for nothing (refunded it, applied it). */
export async function resolveUnappliedMoneyAction(eventId: string, input: unknown): Promise<ActionState> {
  const actor = await requirePageActor(["admin"]);
  const result = await runAction(resolveUnappliedMoneyBody, input, (body) => resolveUnappliedMoney({ actor, eventId, note: body.note }), {
    actor,
    action: "unapplied-money.resolve",
    target: { eventId },
  });
  if (result.status !== "success") return result;
  revalidatePath("/admin");
  return { status: "success", message: "Marked settled.", result: undefined };
}
