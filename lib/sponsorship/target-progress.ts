/** Progress towards a program's targets: each target beside the outcome figure it is measured by (compute-program-outcomes.ts). */
import type { z } from "zod";
import type { ProgramOutcomes } from "./compute-program-outcomes";
import { round } from "./metrics";
import { PROGRAM_TARGET_METRICS, type programTargetItem } from "./schemas/program-targets";

export type TargetItem = z.infer<typeof programTargetItem>;
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
      return {
        metric,
        target,
        actual,
        progress: actual === null ? null : round((actual / target) * 100),
        met: actual !== null && actual >= target,
      };
    });
}
