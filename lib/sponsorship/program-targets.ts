/**
 * A partner's targets for a program's outcome figures (program-outcomes.ts), and the
 * progress towards them: GET and PUT /partner/programs/{id}/targets.
 */
import type { z } from "zod";
import type { Actor } from "../auth/actor";
import { getDb, type DbTx } from "../db";
import { notFound } from "../errors";
import { isUuid } from "../ids";
import { round } from "./metrics";
import { partnerOf } from "./partner-of";
import { programOutcomes, type ProgramOutcomes } from "./program-outcomes";
import { PROGRAM_TARGET_METRICS, type programTargetItem, type programTargetsBody } from "./schemas";

type TargetItem = z.infer<typeof programTargetItem>;
type Metric = (typeof PROGRAM_TARGET_METRICS)[number];

const ACTUAL: Record<Metric, (outcomes: ProgramOutcomes) => number | null> = {
  score_improvement: (o) => o.average_score_improvement,
  completion_rate: (o) => o.completion_rate,
  certificates: (o) => o.certificates,
};

/** Each target beside the figure it is measured by, in the order of PROGRAM_TARGET_METRICS. */
export function targetProgress(targets: Array<{ metric: Metric; target: number }>, outcomes: ProgramOutcomes): TargetItem[] {
  return [...targets]
    .sort((a, b) => PROGRAM_TARGET_METRICS.indexOf(a.metric) - PROGRAM_TARGET_METRICS.indexOf(b.metric))
    .map(({ metric, target }) => {
      const actual = ACTUAL[metric](outcomes);
      return { metric, target, actual, progress: actual === null ? null : round((actual / target) * 100), met: actual !== null && actual >= target };
    });
}

async function programOf(db: DbTx, actor: Actor, programId: string) {
  const partnerId = partnerOf(actor);
  if (!isUuid(programId)) throw notFound("Program");
  const program = await db.program.findFirst({ where: { id: programId, partnerId }, select: { id: true, endDate: true } });
  if (!program) throw notFound("Program");
  return program;
}

export async function getProgramTargets(options: { actor: Actor; programId: string; now?: Date }): Promise<{ targets: TargetItem[] }> {
  const db = getDb();
  const program = await programOf(db, options.actor, options.programId);
  const [targets, outcomes] = await Promise.all([
    db.programTarget.findMany({ where: { programId: program.id }, select: { metric: true, target: true } }),
    programOutcomes(db, program, options.now ?? new Date()),
  ]);
  return { targets: targetProgress(targets, outcomes) };
}

/** Replaces the program's targets with the set given. */
export async function setProgramTargets(options: { actor: Actor; programId: string; body: z.output<typeof programTargetsBody> }): Promise<{ targets: TargetItem[] }> {
  const db = getDb();
  await db.$transaction(async (tx) => {
    const program = await programOf(tx, options.actor, options.programId);
    // Concurrent replacements of one program's targets take turns.
    await tx.$queryRaw`SELECT id FROM programs WHERE id = ${program.id}::uuid FOR UPDATE`;
    await tx.programTarget.deleteMany({ where: { programId: program.id } });
    if (options.body.targets.length) {
      await tx.programTarget.createMany({ data: options.body.targets.map((t) => ({ programId: program.id, metric: t.metric, target: t.target })) });
    }
  });
  return getProgramTargets({ actor: options.actor, programId: options.programId });
}
