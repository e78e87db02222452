/** PUT /partner/programs/{id}/targets. */
import type { z } from "zod";
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { findOrNotFound } from "../find-or-not-found";
import { getProgramTargets } from "./get-program-targets";
import { partnerOf } from "./partner-of";
import type { programTargetsBody } from "./schemas/program-targets";
import type { TargetItem } from "./target-progress";

export interface SetProgramTargetsOptions {
  actor: Actor;
  programId: string;
  body: z.output<typeof programTargetsBody>;
}

/** Replaces the program's targets with the set given. */
export async function setProgramTargets(options: SetProgramTargetsOptions): Promise<{ targets: TargetItem[] }> {
  const partnerId = partnerOf(options.actor, "work");
  await getDb().$transaction(async (tx) => {
    const program = await findOrNotFound("Program", options.programId, (id) =>
      tx.program.findFirst({ where: { id, partnerId }, select: { id: true } }),
    );
    // Concurrent replacements of one program's targets take turns.
    await tx.$queryRaw`SELECT id FROM programs WHERE id = ${program.id}::uuid FOR UPDATE`;
    await tx.programTarget.deleteMany({ where: { programId: program.id } });
    if (options.body.targets.length) {
      await tx.programTarget.createMany({
        data: options.body.targets.map((t) => ({ programId: program.id, metric: t.metric, target: t.target })),
      });
    }
  });
  return getProgramTargets({ actor: options.actor, programId: options.programId });
}
