"use server";

import { requirePageActor } from "@/lib/auth/page-guard";
import { runAction } from "@/lib/forms/run-action";
import { setProgramTargets } from "@/lib/sponsorship/set-program-targets";
import { programTargetsBody } from "@/lib/sponsorship/schemas/program-targets";

/** Replaces a program's targets with the same schema and service as PUT /partner/programs/{id}/targets. */
export async function setProgramTargetsAction(programId: string, input: unknown) {
  const actor = await requirePageActor(["partner"]);
  return runAction(programTargetsBody, input, (body) => setProgramTargets({ actor, programId, body }), {
    actor,
    action: "program.set-targets",
    target: { programId },
    successMessage: "Targets saved.",
  });
}
