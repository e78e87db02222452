/** GET /partner/programs/{id}/targets: the partner's targets for a program, and the progress towards them. */
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { findOrNotFound } from "../find-or-not-found";
import { computeProgramOutcomes } from "./compute-program-outcomes";
import { partnerOf } from "./partner-of";
import { targetProgress, type TargetItem } from "./target-progress";

export interface GetProgramTargetsOptions {
  actor: Actor;
  programId: string;
  now?: Date;
}

export async function getProgramTargets(options: GetProgramTargetsOptions): Promise<{ targets: TargetItem[] }> {
  const db = getDb();
  const partnerId = partnerOf(options.actor, "read");
  const program = await findOrNotFound("Program", options.programId, (id) =>
    db.program.findFirst({ where: { id, partnerId }, select: { id: true, endDate: true } }),
  );
  const [targets, outcomes] = await Promise.all([
    db.programTarget.findMany({ where: { programId: program.id }, select: { metric: true, target: true } }),
    computeProgramOutcomes(db, program, options.now ?? new Date()),
  ]);
  return { targets: targetProgress(targets, outcomes) };
}
