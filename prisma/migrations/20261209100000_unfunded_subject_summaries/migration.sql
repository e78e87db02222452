-- The comparison with unfunded outcomes, by grade and subject, so that the impact page's
-- grade and subject filters apply to it as to every other chart.
--
-- Per student, month and subject: the assessments and completions no partner funded,
-- and every course enrolment and completion (for the enrolments open at a window's end),
-- with the student's grade as recorded now. Their sums per month, subject and grade are
-- what the comparison reads. Kept in the same refresh as the other learning summaries
-- (every change to learning records or to funding), and when a student's grade changes.

CREATE TABLE "student_subject_months" (
  "student_id" UUID NOT NULL,
  "month" DATE NOT NULL,
  "subject" TEXT NOT NULL,
  "grade_level" INTEGER NOT NULL,
  "assessments" INTEGER NOT NULL DEFAULT 0,
  "score_sum" DOUBLE PRECISION NOT NULL DEFAULT 0,
  "completions" INTEGER NOT NULL DEFAULT 0,
  "all_enrolments" INTEGER NOT NULL DEFAULT 0,
  "all_completions" INTEGER NOT NULL DEFAULT 0,
  CONSTRAINT "student_subject_months_pkey" PRIMARY KEY ("month", "subject", "student_id")
);
CREATE INDEX "student_subject_months_student_idx" ON "student_subject_months" ("student_id");

CREATE TABLE "platform_subject_months" (
  "month" DATE NOT NULL,
  "subject" TEXT NOT NULL,
  "grade_level" INTEGER NOT NULL,
  "assessments" INTEGER NOT NULL DEFAULT 0,
  "score_sum" DOUBLE PRECISION NOT NULL DEFAULT 0,
  "completions" INTEGER NOT NULL DEFAULT 0,
  "all_enrolments" INTEGER NOT NULL DEFAULT 0,
  "all_completions" INTEGER NOT NULL DEFAULT 0,
  CONSTRAINT "platform_subject_months_pkey" PRIMARY KEY ("month", "subject", "grade_level")
);

CREATE FUNCTION "roll_up_student_subject_month"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r RECORD;
  sign INTEGER;
BEGIN
  IF TG_OP = 'INSERT' THEN r := NEW; sign := 1; ELSE r := OLD; sign := -1; END IF;
  INSERT INTO platform_subject_months AS t (month, subject, grade_level, assessments, score_sum, completions, all_enrolments, all_completions)
  VALUES (r.month, r.subject, r.grade_level, sign * r.assessments, sign * r.score_sum, sign * r.completions, sign * r.all_enrolments, sign * r.all_completions)
  ON CONFLICT (month, subject, grade_level) DO UPDATE SET
    assessments = t.assessments + EXCLUDED.assessments, score_sum = t.score_sum + EXCLUDED.score_sum,
    completions = t.completions + EXCLUDED.completions,
    all_enrolments = t.all_enrolments + EXCLUDED.all_enrolments, all_completions = t.all_completions + EXCLUDED.all_completions;
  RETURN NULL;
END $$;
CREATE TRIGGER "student_subject_months_roll_up" AFTER INSERT OR DELETE ON "student_subject_months"
  FOR EACH ROW EXECUTE FUNCTION "roll_up_student_subject_month"();

-- Rebuilds the students' rows within the given time ranges, from the one definition of
-- credit (learning_events): an outcome is unfunded when no partner is credited with it.
CREATE FUNCTION "refresh_subject_summaries"(p_students UUID[], p_froms TIMESTAMPTZ[], p_tos TIMESTAMPTZ[]) RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(array_length(p_students, 1), 0) = 0 THEN RETURN; END IF;
  PERFORM lock_summaries_of(p_students);
  DELETE FROM student_subject_months t USING unnest(p_students, p_froms, p_tos) AS r(student_id, from_at, to_at)
   WHERE t.student_id = r.student_id AND t.month::timestamp AT TIME ZONE 'UTC' >= date_trunc('month', r.from_at, 'UTC') AND t.month::timestamp AT TIME ZONE 'UTC' < r.to_at;
  INSERT INTO student_subject_months (student_id, month, subject, grade_level, assessments, score_sum, completions, all_enrolments, all_completions)
  SELECT ev.student_id, ev.month, ev.subject, st.grade_level,
         COUNT(*) FILTER (WHERE ev.kind = 'a' AND cardinality(ev.partners) = 0),
         COALESCE(SUM(ev.score) FILTER (WHERE ev.kind = 'a' AND cardinality(ev.partners) = 0), 0),
         COUNT(*) FILTER (WHERE ev.kind = 'c' AND cardinality(ev.partners) = 0),
         COUNT(*) FILTER (WHERE ev.kind = 'e'), COUNT(*) FILTER (WHERE ev.kind = 'c')
    FROM learning_events(p_students, p_froms, p_tos) ev JOIN students st ON st.id = ev.student_id
   WHERE ev.kind IN ('a', 'e', 'c')
   GROUP BY ev.student_id, ev.month, ev.subject, st.grade_level;
END $$;

-- The learning summaries' refresh (as in 20261201190000) now refreshes these rows too.
CREATE OR REPLACE FUNCTION "refresh_learning_summaries"(p_students UUID[], p_froms TIMESTAMPTZ[], p_tos TIMESTAMPTZ[]) RETURNS VOID LANGUAGE plpgsql AS $$
DECLARE
  ranges RECORD;
BEGIN
  IF coalesce(array_length(p_students, 1), 0) = 0 THEN RETURN; END IF;
  PERFORM refresh_monthly_summaries(p_students, p_froms, p_tos);
  PERFORM refresh_subject_summaries(p_students, p_froms, p_tos);
  SELECT array_agg(student_id) AS students, array_agg(first_end) AS firsts,
         array_agg(CASE WHEN last_month = 'infinity' THEN 'infinity'::date ELSE (last_month + interval '5 months')::date END) AS comparison_lasts,
         array_agg(CASE WHEN last_month = 'infinity' THEN 'infinity'::date ELSE (last_month + interval '11 months')::date END) AS window_lasts
    INTO ranges
    FROM (
      SELECT r.student_id,
             CASE WHEN r.from_at = '-infinity' THEN '-infinity'::date ELSE date_trunc('month', r.from_at, 'UTC')::date END AS first_end,
             CASE WHEN r.to_at = 'infinity' THEN 'infinity'::date ELSE date_trunc('month', r.to_at - interval '1 microsecond', 'UTC')::date END AS last_month
        FROM unnest(p_students, p_froms, p_tos) AS r(student_id, from_at, to_at)
    ) x;
  PERFORM refresh_comparison(ranges.students, ranges.firsts, ranges.comparison_lasts);
  PERFORM refresh_partner_windows(ranges.students, ranges.firsts, ranges.window_lasts);
END $$;

-- A student's rows carry the grade: a new grade moves all of them.
CREATE FUNCTION "on_student_grade_changed_for_subjects"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_subject_summaries(ARRAY[NEW.id], ARRAY['-infinity'::timestamptz], ARRAY['infinity'::timestamptz]);
  RETURN NULL;
END $$;
CREATE TRIGGER "students_grade_changed_for_subjects" AFTER UPDATE OF "grade_level" ON "students"
  FOR EACH ROW WHEN (OLD.grade_level IS DISTINCT FROM NEW.grade_level)
  EXECUTE FUNCTION "on_student_grade_changed_for_subjects"();

-- The rows for what is already recorded.
SELECT refresh_subject_summaries(ARRAY(SELECT id FROM students),
                                 array_fill('-infinity'::timestamptz, ARRAY[(SELECT COUNT(*)::int FROM students)]),
                                 array_fill('infinity'::timestamptz, ARRAY[(SELECT COUNT(*)::int FROM students)]));

-- The monthly platform totals are these rows summed over subjects and grades: they go.
DROP TRIGGER "student_months_roll_up" ON "student_months";
DROP FUNCTION "roll_up_student_month"();
DROP TABLE "platform_months";
