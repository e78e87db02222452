-- Summaries behind the matched comparison (lib/partner/matched-comparison.ts), kept by
-- the same refreshes as the learning summaries, so that a partner's comparison reads a
-- few hundred strata instead of every student's months.
--
-- For each end month E and student, the change is the student's average score over the
-- three months ending with E ("after": E-2 to E) minus their average over the three
-- months before those ("before": E-5 to E-3):
-- - for each partner, from the assessments credited to that partner (sponsored side);
-- - for students no partner funded at any moment of the six months, from all their
--   assessments (the control side, partner '00000000-0000-0000-0000-000000000000').
-- A student needs assessments in both windows. Each change carries what students are
-- matched on: the grade at the end of E (the grade before any later promotion), the
-- county, and the CBC band of the "before" average.

CREATE TABLE "comparison_changes" (
  "end_month" DATE NOT NULL,
  "partner_id" UUID NOT NULL,
  "student_id" UUID NOT NULL,
  "grade_level" INTEGER NOT NULL,
  "county_id" UUID NOT NULL,
  "band" TEXT NOT NULL,
  "change" DOUBLE PRECISION NOT NULL,
  CONSTRAINT "comparison_changes_pkey" PRIMARY KEY ("end_month", "partner_id", "student_id")
);
CREATE INDEX "comparison_changes_student_idx" ON "comparison_changes" ("student_id");

-- The same per end month, side and matched group: count, sum and sum of squares of the
-- changes (mean and variance follow).
CREATE TABLE "comparison_strata" (
  "end_month" DATE NOT NULL,
  "partner_id" UUID NOT NULL,
  "grade_level" INTEGER NOT NULL,
  "county_id" UUID NOT NULL,
  "band" TEXT NOT NULL,
  "students" INTEGER NOT NULL DEFAULT 0,
  "change_sum" DOUBLE PRECISION NOT NULL DEFAULT 0,
  "change_squares" DOUBLE PRECISION NOT NULL DEFAULT 0,
  CONSTRAINT "comparison_strata_pkey" PRIMARY KEY ("end_month", "partner_id", "grade_level", "county_id", "band")
);

CREATE FUNCTION "roll_up_comparison_change"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r RECORD;
  sign INTEGER;
BEGIN
  IF TG_OP = 'INSERT' THEN r := NEW; sign := 1; ELSE r := OLD; sign := -1; END IF;
  INSERT INTO comparison_strata AS t (end_month, partner_id, grade_level, county_id, band, students, change_sum, change_squares)
  VALUES (r.end_month, r.partner_id, r.grade_level, r.county_id, r.band, sign, sign * r.change, sign * r.change * r.change)
  ON CONFLICT (end_month, partner_id, grade_level, county_id, band) DO UPDATE SET
    students = t.students + EXCLUDED.students, change_sum = t.change_sum + EXCLUDED.change_sum, change_squares = t.change_squares + EXCLUDED.change_squares;
  RETURN NULL;
END $$;
CREATE TRIGGER "comparison_changes_roll_up" AFTER INSERT OR DELETE ON "comparison_changes"
  FOR EACH ROW EXECUTE FUNCTION "roll_up_comparison_change"();

-- Recomputes the changes of each student for the end months between two months
-- (inclusive; -infinity and infinity for all of them) from the monthly summaries.
CREATE FUNCTION "refresh_comparison"(p_students UUID[], p_first DATE[], p_last DATE[]) RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(array_length(p_students, 1), 0) = 0 THEN RETURN; END IF;
  PERFORM lock_summaries_of(p_students);
  DELETE FROM comparison_changes t USING unnest(p_students, p_first, p_last) AS r(student_id, first_end, last_end)
   WHERE t.student_id = r.student_id AND t.end_month >= r.first_end AND t.end_month <= r.last_end;

  INSERT INTO comparison_changes (end_month, partner_id, student_id, grade_level, county_id, band, change)
  WITH r AS (SELECT * FROM unnest(p_students, p_first, p_last) AS r(student_id, first_end, last_end)),
  -- End months that can have a change: up to five months after the student's last month of records.
  span AS (SELECT student_id, MIN(month) AS first_month, MAX(month) AS last_month FROM student_months WHERE student_id IN (SELECT student_id FROM r) GROUP BY student_id),
  ends AS (
    SELECT DISTINCT r.student_id, e::date AS end_month
      FROM r JOIN span s ON s.student_id = r.student_id
     CROSS JOIN LATERAL generate_series(GREATEST(r.first_end, (s.first_month + interval '3 months')::date), LEAST(r.last_end, (s.last_month + interval '5 months')::date), interval '1 month') AS e
  ),
  control AS (
    SELECT e.student_id, e.end_month,
           SUM(sm.score_sum) FILTER (WHERE sm.month <= (e.end_month - interval '3 months')::date)
             / NULLIF(SUM(sm.assessments) FILTER (WHERE sm.month <= (e.end_month - interval '3 months')::date), 0) AS before_avg,
           SUM(sm.score_sum) FILTER (WHERE sm.month >= (e.end_month - interval '2 months')::date)
             / NULLIF(SUM(sm.assessments) FILTER (WHERE sm.month >= (e.end_month - interval '2 months')::date), 0) AS after_avg
      FROM ends e
      JOIN student_months sm ON sm.student_id = e.student_id AND sm.month >= (e.end_month - interval '5 months')::date AND sm.month <= e.end_month
     WHERE NOT EXISTS (
       SELECT 1 FROM funding_spells fs
        WHERE fs.student_id = e.student_id
          AND fs.starts_at < (e.end_month + interval '1 month')::timestamp AT TIME ZONE 'UTC'
          AND fs.ends_at > (e.end_month - interval '5 months')::timestamp AT TIME ZONE 'UTC')
     GROUP BY e.student_id, e.end_month
    HAVING SUM(sm.funded_outcomes) = 0
  ),
  sponsored AS (
    SELECT c.partner_id, e.student_id, e.end_month,
           SUM(c.score_sum) FILTER (WHERE c.month <= (e.end_month - interval '3 months')::date)
             / NULLIF(SUM(c.assessments) FILTER (WHERE c.month <= (e.end_month - interval '3 months')::date), 0) AS before_avg,
           SUM(c.score_sum) FILTER (WHERE c.month >= (e.end_month - interval '2 months')::date)
             / NULLIF(SUM(c.assessments) FILTER (WHERE c.month >= (e.end_month - interval '2 months')::date), 0) AS after_avg
      FROM ends e
      JOIN credited_student_months c ON c.student_id = e.student_id AND c.month >= (e.end_month - interval '5 months')::date AND c.month <= e.end_month
     GROUP BY c.partner_id, e.student_id, e.end_month
  ),
  sides AS (
    SELECT '00000000-0000-0000-0000-000000000000'::uuid AS partner_id, student_id, end_month, before_avg, after_avg FROM control
    UNION ALL
    SELECT partner_id, student_id, end_month, before_avg, after_avg FROM sponsored
  )
  SELECT x.end_month, x.partner_id, x.student_id,
         COALESCE((SELECT g.from_grade FROM grade_promotions g
                    WHERE g.student_id = x.student_id AND g.promoted_at >= (x.end_month + interval '1 month')::timestamp AT TIME ZONE 'UTC'
                    ORDER BY g.promoted_at, g.id LIMIT 1), st.grade_level),
         st.county_id,
         CASE WHEN x.before_avg >= 80 THEN 'EE' WHEN x.before_avg >= 65 THEN 'ME' WHEN x.before_avg >= 50 THEN 'AE' ELSE 'BE' END,
         x.after_avg - x.before_avg
    FROM sides x JOIN students st ON st.id = x.student_id
   WHERE x.before_avg IS NOT NULL AND x.after_avg IS NOT NULL;
END $$;

-- The learning summaries' refresh, followed by the comparison's for every end month the
-- refreshed months feed (a month feeds the end months from itself to five months later).
ALTER FUNCTION "refresh_learning_summaries"(UUID[], TIMESTAMPTZ[], TIMESTAMPTZ[]) RENAME TO "refresh_monthly_summaries";

CREATE FUNCTION "refresh_learning_summaries"(p_students UUID[], p_froms TIMESTAMPTZ[], p_tos TIMESTAMPTZ[]) RETURNS VOID LANGUAGE plpgsql AS $$
DECLARE
  ranges RECORD;
BEGIN
  IF coalesce(array_length(p_students, 1), 0) = 0 THEN RETURN; END IF;
  PERFORM refresh_monthly_summaries(p_students, p_froms, p_tos);
  SELECT array_agg(student_id) AS students, array_agg(first_end) AS firsts, array_agg(last_end) AS lasts INTO ranges
    FROM (
      SELECT r.student_id,
             CASE WHEN r.from_at = '-infinity' THEN '-infinity'::date ELSE date_trunc('month', r.from_at, 'UTC')::date END AS first_end,
             CASE WHEN r.to_at = 'infinity' THEN 'infinity'::date ELSE (date_trunc('month', r.to_at - interval '1 microsecond', 'UTC') + interval '5 months')::date END AS last_end
        FROM unnest(p_students, p_froms, p_tos) AS r(student_id, from_at, to_at)
    ) x;
  PERFORM refresh_comparison(ranges.students, ranges.firsts, ranges.lasts);
END $$;

-- What students are matched on: a promotion changes the grade at every earlier end
-- month, a student's grade or county every end month.
CREATE FUNCTION "on_grade_promotions_changed_for_comparison"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  students UUID[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT student_id) INTO students FROM new_rows;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT student_id) INTO students FROM old_rows;
  ELSE
    SELECT array_agg(DISTINCT s) INTO students FROM (SELECT student_id AS s FROM new_rows UNION SELECT student_id FROM old_rows) x;
  END IF;
  PERFORM refresh_comparison(students, array_fill('-infinity'::date, ARRAY[coalesce(cardinality(students), 0)]), array_fill('infinity'::date, ARRAY[coalesce(cardinality(students), 0)]));
  RETURN NULL;
END $$;
CREATE TRIGGER "grade_promotions_inserted_for_comparison" AFTER INSERT ON "grade_promotions" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "on_grade_promotions_changed_for_comparison"();
CREATE TRIGGER "grade_promotions_updated_for_comparison" AFTER UPDATE ON "grade_promotions" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "on_grade_promotions_changed_for_comparison"();
CREATE TRIGGER "grade_promotions_deleted_for_comparison" AFTER DELETE ON "grade_promotions" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "on_grade_promotions_changed_for_comparison"();

CREATE FUNCTION "on_student_matching_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_comparison(ARRAY[NEW.id], ARRAY['-infinity'::date], ARRAY['infinity'::date]);
  RETURN NULL;
END $$;
CREATE TRIGGER "students_matching_changed" AFTER UPDATE OF "grade_level", "county_id" ON "students"
  FOR EACH ROW WHEN (OLD.grade_level IS DISTINCT FROM NEW.grade_level OR OLD.county_id IS DISTINCT FROM NEW.county_id)
  EXECUTE FUNCTION "on_student_matching_changed"();

-- Summaries for the records already there.
SELECT refresh_comparison(ARRAY(SELECT id FROM students), array_fill('-infinity'::date, ARRAY[(SELECT COUNT(*)::int FROM students)]),
                          array_fill('infinity'::date, ARRAY[(SELECT COUNT(*)::int FROM students)]));
