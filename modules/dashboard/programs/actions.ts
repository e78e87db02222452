"use server";

import { requirePageActor } from "@/lib/auth/page-guard";
import { runAction } from "@/lib/forms/run-action";
import { createProgram } from "@/lib/sponsorship/create-program";
import { createProgramBody } from "@/lib/sponsorship/schemas/programs";

/** Creates a program with the same schema and service as POST /partner/programs. */
export async function createProgramAction(input: unknown) {
  const actor = await requirePageActor(["partner"]);
  return runAction(createProgramBody, input, (body) => createProgram({ actor, body }), { actor, action: "program.create" });
}
