-- A partner's targets for a program's outcome figures.
CREATE TYPE "ProgramTargetMetric" AS ENUM ('score_improvement', 'completion_rate', 'certificates');

CREATE TABLE "program_targets" (
    "program_id" UUID NOT NULL,
    "metric" "ProgramTargetMetric" NOT NULL,
    "target" DOUBLE PRECISION NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "program_targets_pkey" PRIMARY KEY ("program_id","metric")
);

ALTER TABLE "program_targets" ADD CONSTRAINT "program_targets_program_id_fkey" FOREIGN KEY ("program_id") REFERENCES "programs"("id") ON DELETE CASCADE ON UPDATE CASCADE;
