/** GET and PUT /partner/programs/{id}/targets. */
import { z } from "zod";
import { ProgramTargetMetric } from "../../generated/prisma/enums";
import { enumValues } from "../../schemas/enums";

export const PROGRAM_TARGET_METRICS = enumValues(ProgramTargetMetric);

/** The largest target each metric accepts (points, percent, certificates). */
const TARGET_LIMITS = { score_improvement: 100, completion_rate: 100, certificates: 1_000_000 } as const satisfies Record<
  ProgramTargetMetric,
  number
>;

export const programTargetsBody = z
  .object({
    targets: z
      .array(
        z.object({
          metric: z.enum(PROGRAM_TARGET_METRICS),
          target: z
            .number()
            .positive()
            .describe(
              "Points of average score improvement (up to 100), a completion rate in percent (up to 100), or a whole number of certificates",
            ),
        }),
      )
      .max(PROGRAM_TARGET_METRICS.length)
      .describe("The program's targets: the whole set, replacing the previous one (an empty list removes them all)"),
  })
  .superRefine((body, ctx) => {
    const seen = new Set<string>();
    body.targets.forEach((item, index) => {
      if (seen.has(item.metric))
        ctx.addIssue({ code: "custom", path: ["targets", index, "metric"], message: `is given twice: ${item.metric}` });
      seen.add(item.metric);
      if (item.target > TARGET_LIMITS[item.metric]) {
        ctx.addIssue({
          code: "custom",
          path: ["targets", index, "target"],
          message: `must be at most ${TARGET_LIMITS[item.metric]} for ${item.metric}`,
        });
      }
      if (item.metric === ProgramTargetMetric.certificates && !Number.isInteger(item.target)) {
        ctx.addIssue({ code: "custom", path: ["targets", index, "target"], message: "must be a whole number of certificates" });
      }
    });
  });

export const programTargetItem = z.object({
  metric: z.enum(PROGRAM_TARGET_METRICS),
  target: z.number(),
  actual: z
    .number()
    .nullable()
    .describe("The figure now: outcomes.average_score_improvement, outcomes.completion_rate or outcomes.certificates"),
  progress: z.number().nullable().describe("actual as a percentage of target (may exceed 100); null while actual is"),
  met: z.boolean(),
});

export const programTargetsResponse = z.object({ targets: z.array(programTargetItem) });
