-- Learning summaries: what partners' impact figures are computed from.
--
-- An outcome (assessment, course enrolment and completion, certificate, grade promotion,
-- tutor session) is credited to a partner only if it happened while the partner funded
-- the student: inside a funding spell (funding_spells below). The summaries are kept by
-- triggers on the learning tables and on the tables that define funding, in the same
-- statement as the change, so no writer (the app, an import, a direct INSERT) can leave
-- them stale. Months are calendar months in UTC.

-- When funding began: a sponsorship once paid (activated_at), a program once funded.
ALTER TABLE "programs" ADD COLUMN "activated_at" TIMESTAMPTZ(3);
UPDATE "programs" p
   SET "activated_at" = COALESCE(
         (SELECT MIN(m."occurred_at")::timestamp AT TIME ZONE 'UTC' FROM "program_milestones" m WHERE m."program_id" = p."id" AND m."description" = 'Program funded'),
         p."start_date"::timestamp AT TIME ZONE 'UTC')
 WHERE p."status" <> 'planning';

-- A partner funds a student from the later of a sponsorship's start and its payment
-- (activation) to its end (or its early end), and from the later of a program
-- enrolment and the program's funding to the program's end.
CREATE VIEW "funding_spells" AS
  SELECT s."partner_id", s."student_id",
         GREATEST(s."start_date"::timestamp AT TIME ZONE 'UTC', s."activated_at") AS starts_at,
         LEAST(("s"."end_date" + 1)::timestamp AT TIME ZONE 'UTC', COALESCE(s."ended_at", 'infinity'::timestamptz)) AS ends_at
    FROM "sponsorships" s
   WHERE s."activated_at" IS NOT NULL AND s."status" IN ('active', 'completed', 'cancelled')
  UNION ALL
  SELECT p."partner_id", pp."student_id",
         GREATEST(pp."enrolled_at", p."activated_at") AS starts_at,
         (p."end_date" + 1)::timestamp AT TIME ZONE 'UTC' AS ends_at
    FROM "program_participants" pp JOIN "programs" p ON p."id" = pp."program_id"
   WHERE p."status" <> 'planning' AND p."activated_at" IS NOT NULL;

-- Per partner, student and month: the outcomes credited to the partner.
CREATE TABLE "credited_student_months" (
  "partner_id" UUID NOT NULL,
  "student_id" UUID NOT NULL,
  "month" DATE NOT NULL,
  "assessments" INTEGER NOT NULL DEFAULT 0,
  "score_sum" DOUBLE PRECISION NOT NULL DEFAULT 0,
  "enrolments" INTEGER NOT NULL DEFAULT 0,
  "completions" INTEGER NOT NULL DEFAULT 0,
  "certificates" INTEGER NOT NULL DEFAULT 0,
  "promotions" INTEGER NOT NULL DEFAULT 0,
  "tutor_sessions" INTEGER NOT NULL DEFAULT 0,
  "last_active_at" TIMESTAMPTZ(3),
  CONSTRAINT "credited_student_months_pkey" PRIMARY KEY ("partner_id", "month", "student_id")
);
CREATE INDEX "credited_student_months_student_idx" ON "credited_student_months" ("student_id");

-- The same per subject, for assessments, enrolments and completions.
CREATE TABLE "credited_subject_months" (
  "partner_id" UUID NOT NULL,
  "student_id" UUID NOT NULL,
  "month" DATE NOT NULL,
  "subject" TEXT NOT NULL,
  "assessments" INTEGER NOT NULL DEFAULT 0,
  "score_sum" DOUBLE PRECISION NOT NULL DEFAULT 0,
  "enrolments" INTEGER NOT NULL DEFAULT 0,
  "completions" INTEGER NOT NULL DEFAULT 0,
  CONSTRAINT "credited_subject_months_pkey" PRIMARY KEY ("partner_id", "month", "subject", "student_id")
);
CREATE INDEX "credited_subject_months_student_idx" ON "credited_subject_months" ("student_id");

-- Per partner and month (and subject): the sums of the rows above, for portfolio totals.
CREATE TABLE "partner_months" (
  "partner_id" UUID NOT NULL,
  "month" DATE NOT NULL,
  "assessments" INTEGER NOT NULL DEFAULT 0,
  "score_sum" DOUBLE PRECISION NOT NULL DEFAULT 0,
  "enrolments" INTEGER NOT NULL DEFAULT 0,
  "completions" INTEGER NOT NULL DEFAULT 0,
  "certificates" INTEGER NOT NULL DEFAULT 0,
  "promotions" INTEGER NOT NULL DEFAULT 0,
  "tutor_sessions" INTEGER NOT NULL DEFAULT 0,
  CONSTRAINT "partner_months_pkey" PRIMARY KEY ("partner_id", "month")
);
CREATE TABLE "partner_subject_months" (
  "partner_id" UUID NOT NULL,
  "month" DATE NOT NULL,
  "subject" TEXT NOT NULL,
  "assessments" INTEGER NOT NULL DEFAULT 0,
  "score_sum" DOUBLE PRECISION NOT NULL DEFAULT 0,
  "enrolments" INTEGER NOT NULL DEFAULT 0,
  "completions" INTEGER NOT NULL DEFAULT 0,
  CONSTRAINT "partner_subject_months_pkey" PRIMARY KEY ("partner_id", "month", "subject")
);

-- Per partner and student: when funding began, the baseline (assessments in the 90 days
-- before it) and the all-time credited totals.
CREATE TABLE "partner_students" (
  "partner_id" UUID NOT NULL,
  "student_id" UUID NOT NULL,
  "funded_from" TIMESTAMPTZ(3) NOT NULL,
  "funded_until" TIMESTAMPTZ(3) NOT NULL,
  "baseline_assessments" INTEGER NOT NULL DEFAULT 0,
  "baseline_sum" DOUBLE PRECISION NOT NULL DEFAULT 0,
  "assessments" INTEGER NOT NULL DEFAULT 0,
  "score_sum" DOUBLE PRECISION NOT NULL DEFAULT 0,
  "enrolments" INTEGER NOT NULL DEFAULT 0,
  "completions" INTEGER NOT NULL DEFAULT 0,
  "certificates" INTEGER NOT NULL DEFAULT 0,
  "promotions" INTEGER NOT NULL DEFAULT 0,
  "tutor_sessions" INTEGER NOT NULL DEFAULT 0,
  "last_active_at" TIMESTAMPTZ(3),
  CONSTRAINT "partner_students_pkey" PRIMARY KEY ("partner_id", "student_id")
);
CREATE INDEX "partner_students_student_idx" ON "partner_students" ("student_id");

-- Per student and month: the outcomes no partner funded (the platform comparison and
-- the matched comparison's controls), and how many of the month's outcomes were funded.
CREATE TABLE "student_months" (
  "student_id" UUID NOT NULL,
  "month" DATE NOT NULL,
  "assessments" INTEGER NOT NULL DEFAULT 0,
  "score_sum" DOUBLE PRECISION NOT NULL DEFAULT 0,
  "enrolments" INTEGER NOT NULL DEFAULT 0,
  "completions" INTEGER NOT NULL DEFAULT 0,
  "funded_outcomes" INTEGER NOT NULL DEFAULT 0,
  "all_enrolments" INTEGER NOT NULL DEFAULT 0,
  "all_completions" INTEGER NOT NULL DEFAULT 0,
  CONSTRAINT "student_months_pkey" PRIMARY KEY ("month", "student_id")
);
CREATE INDEX "student_months_student_idx" ON "student_months" ("student_id");

CREATE TABLE "platform_months" (
  "month" DATE NOT NULL,
  "assessments" INTEGER NOT NULL DEFAULT 0,
  "score_sum" DOUBLE PRECISION NOT NULL DEFAULT 0,
  "enrolments" INTEGER NOT NULL DEFAULT 0,
  "completions" INTEGER NOT NULL DEFAULT 0,
  "all_enrolments" INTEGER NOT NULL DEFAULT 0,
  "all_completions" INTEGER NOT NULL DEFAULT 0,
  CONSTRAINT "platform_months_pkey" PRIMARY KEY ("month")
);

-- ─── Roll-ups, kept by row triggers on the per-student summaries ───────────────

CREATE FUNCTION "roll_up_credited_student_month"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r RECORD;
  sign INTEGER;
BEGIN
  IF TG_OP = 'INSERT' THEN r := NEW; sign := 1; ELSE r := OLD; sign := -1; END IF;
  INSERT INTO partner_months AS t (partner_id, month, assessments, score_sum, enrolments, completions, certificates, promotions, tutor_sessions)
  VALUES (r.partner_id, r.month, sign * r.assessments, sign * r.score_sum, sign * r.enrolments, sign * r.completions, sign * r.certificates, sign * r.promotions, sign * r.tutor_sessions)
  ON CONFLICT (partner_id, month) DO UPDATE SET
    assessments = t.assessments + EXCLUDED.assessments, score_sum = t.score_sum + EXCLUDED.score_sum,
    enrolments = t.enrolments + EXCLUDED.enrolments, completions = t.completions + EXCLUDED.completions,
    certificates = t.certificates + EXCLUDED.certificates, promotions = t.promotions + EXCLUDED.promotions,
    tutor_sessions = t.tutor_sessions + EXCLUDED.tutor_sessions;
  UPDATE partner_students SET
    assessments = assessments + sign * r.assessments, score_sum = score_sum + sign * r.score_sum,
    enrolments = enrolments + sign * r.enrolments, completions = completions + sign * r.completions,
    certificates = certificates + sign * r.certificates, promotions = promotions + sign * r.promotions,
    tutor_sessions = tutor_sessions + sign * r.tutor_sessions,
    last_active_at = CASE WHEN sign > 0 THEN GREATEST(last_active_at, r.last_active_at) ELSE last_active_at END
   WHERE partner_id = r.partner_id AND student_id = r.student_id;
  RETURN NULL;
END $$;
CREATE TRIGGER "credited_student_months_roll_up" AFTER INSERT OR DELETE ON "credited_student_months"
  FOR EACH ROW EXECUTE FUNCTION "roll_up_credited_student_month"();

CREATE FUNCTION "roll_up_credited_subject_month"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r RECORD;
  sign INTEGER;
BEGIN
  IF TG_OP = 'INSERT' THEN r := NEW; sign := 1; ELSE r := OLD; sign := -1; END IF;
  INSERT INTO partner_subject_months AS t (partner_id, month, subject, assessments, score_sum, enrolments, completions)
  VALUES (r.partner_id, r.month, r.subject, sign * r.assessments, sign * r.score_sum, sign * r.enrolments, sign * r.completions)
  ON CONFLICT (partner_id, month, subject) DO UPDATE SET
    assessments = t.assessments + EXCLUDED.assessments, score_sum = t.score_sum + EXCLUDED.score_sum,
    enrolments = t.enrolments + EXCLUDED.enrolments, completions = t.completions + EXCLUDED.completions;
  RETURN NULL;
END $$;
CREATE TRIGGER "credited_subject_months_roll_up" AFTER INSERT OR DELETE ON "credited_subject_months"
  FOR EACH ROW EXECUTE FUNCTION "roll_up_credited_subject_month"();

CREATE FUNCTION "roll_up_student_month"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r RECORD;
  sign INTEGER;
BEGIN
  IF TG_OP = 'INSERT' THEN r := NEW; sign := 1; ELSE r := OLD; sign := -1; END IF;
  INSERT INTO platform_months AS t (month, assessments, score_sum, enrolments, completions, all_enrolments, all_completions)
  VALUES (r.month, sign * r.assessments, sign * r.score_sum, sign * r.enrolments, sign * r.completions, sign * r.all_enrolments, sign * r.all_completions)
  ON CONFLICT (month) DO UPDATE SET
    assessments = t.assessments + EXCLUDED.assessments, score_sum = t.score_sum + EXCLUDED.score_sum,
    enrolments = t.enrolments + EXCLUDED.enrolments, completions = t.completions + EXCLUDED.completions,
    all_enrolments = t.all_enrolments + EXCLUDED.all_enrolments, all_completions = t.all_completions + EXCLUDED.all_completions;
  RETURN NULL;
END $$;
CREATE TRIGGER "student_months_roll_up" AFTER INSERT OR DELETE ON "student_months"
  FOR EACH ROW EXECUTE FUNCTION "roll_up_student_month"();

-- ─── Recomputing summaries from the learning records ──────────────────────────

-- Every outcome of the students within the given time range (per student: a month, or
-- everything), with the partners it is credited to: each partner with a funding spell
-- around the moment it happened, once. This is the one definition of credit: the
-- summaries are built from it, and reports over part of a month read it directly
-- (credited_cells).
CREATE FUNCTION "learning_events"(p_students UUID[], p_froms TIMESTAMPTZ[], p_tos TIMESTAMPTZ[])
RETURNS TABLE (student_id UUID, month DATE, at TIMESTAMPTZ, subject TEXT, kind TEXT, score DOUBLE PRECISION, partners UUID[])
LANGUAGE sql STABLE AS $$
  WITH r AS (SELECT DISTINCT * FROM unnest(p_students, p_froms, p_tos) AS r(student_id, from_at, to_at)),
  ev AS (
    SELECT a.id, a.student_id, a.taken_at AS at, c.subject::text AS subject, 'a'::text AS kind, a.score::float8 AS score
      FROM r JOIN assessments a ON a.student_id = r.student_id AND a.taken_at >= r.from_at AND a.taken_at < r.to_at
      JOIN courses c ON c.id = a.course_id
    UNION ALL
    SELECT e.id, e.student_id, e.enrolled_at, c.subject::text, 'e', NULL
      FROM r JOIN enrollments e ON e.student_id = r.student_id AND e.enrolled_at >= r.from_at AND e.enrolled_at < r.to_at
      JOIN courses c ON c.id = e.course_id
    UNION ALL
    SELECT e.id, e.student_id, e.completed_at, c.subject::text, 'c', NULL
      FROM r JOIN enrollments e ON e.student_id = r.student_id AND e.completed_at >= r.from_at AND e.completed_at < r.to_at
      JOIN courses c ON c.id = e.course_id
    UNION ALL
    SELECT ce.id, ce.student_id, ce.issued_at, '', 'f', NULL
      FROM r JOIN certificates ce ON ce.student_id = r.student_id AND ce.issued_at >= r.from_at AND ce.issued_at < r.to_at
    UNION ALL
    SELECT g.id, g.student_id, g.promoted_at, '', 'p', NULL
      FROM r JOIN grade_promotions g ON g.student_id = r.student_id AND g.promoted_at >= r.from_at AND g.promoted_at < r.to_at
    UNION ALL
    SELECT t.id, t.student_id, t.started_at, '', 't', NULL
      FROM r JOIN tutor_sessions t ON t.student_id = r.student_id AND t.started_at >= r.from_at AND t.started_at < r.to_at
  ),
  spells AS (SELECT DISTINCT fs.partner_id, fs.student_id, fs.starts_at, fs.ends_at FROM funding_spells fs WHERE fs.student_id IN (SELECT student_id FROM r))
  -- One join of outcomes with spells, then one row per outcome with its distinct partners.
  SELECT ev.student_id, date_trunc('month', ev.at, 'UTC')::date, ev.at, ev.subject, ev.kind, ev.score,
         COALESCE(array_agg(DISTINCT s.partner_id) FILTER (WHERE s.partner_id IS NOT NULL), '{}')
    FROM ev LEFT JOIN spells s ON s.student_id = ev.student_id AND ev.at >= s.starts_at AND ev.at < s.ends_at
   GROUP BY ev.kind, ev.id, ev.student_id, ev.at, ev.subject, ev.score
$$;

-- A partner's credited outcomes between two instants, per student, month and subject
-- ('' for outcomes of no subject: certificates, promotions, tutor sessions), read from
-- the records: for reports over part of a month.
CREATE FUNCTION "credited_cells"(p_partner UUID, p_from TIMESTAMPTZ, p_to TIMESTAMPTZ)
RETURNS TABLE (student_id UUID, month DATE, subject TEXT, assessments INTEGER, score_sum DOUBLE PRECISION, enrolments INTEGER, completions INTEGER,
               certificates INTEGER, promotions INTEGER, tutor_sessions INTEGER, last_active_at TIMESTAMPTZ)
LANGUAGE sql STABLE AS $$
  WITH students AS (
    SELECT DISTINCT fs.student_id FROM funding_spells fs WHERE fs.partner_id = p_partner AND fs.starts_at < p_to AND fs.ends_at > p_from
  ),
  ev AS (
    SELECT * FROM learning_events(ARRAY(SELECT student_id FROM students),
                                  array_fill(p_from, ARRAY[(SELECT COUNT(*)::int FROM students)]),
                                  array_fill(p_to, ARRAY[(SELECT COUNT(*)::int FROM students)]))
     WHERE p_partner = ANY (partners)
  )
  SELECT student_id, month, subject,
         (COUNT(*) FILTER (WHERE kind = 'a'))::int, COALESCE(SUM(score) FILTER (WHERE kind = 'a'), 0),
         (COUNT(*) FILTER (WHERE kind = 'e'))::int, (COUNT(*) FILTER (WHERE kind = 'c'))::int, (COUNT(*) FILTER (WHERE kind = 'f'))::int,
         (COUNT(*) FILTER (WHERE kind = 'p'))::int, (COUNT(*) FILTER (WHERE kind = 't'))::int, MAX(at)
    FROM ev GROUP BY student_id, month, subject
$$;

-- Refreshes of one student's (or partner's) summaries take turns: each deletes and
-- rebuilds rows, and two running side by side would each miss the other's new rows.
-- Locks are taken in a fixed order, so two refreshes never wait on each other in a cycle.
CREATE FUNCTION "lock_summaries_of"(p_ids UUID[]) RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(7117, k) FROM (SELECT DISTINCT hashtext(id::text) AS k FROM unnest(p_ids) AS id) x ORDER BY k;
END $$;

-- Recomputes, from the records themselves, the summaries of each student over the
-- given time range (a month, or everything): the per-student rows are deleted and
-- rebuilt, and the roll-up triggers move the totals with them.
CREATE FUNCTION "refresh_learning_summaries"(p_students UUID[], p_froms TIMESTAMPTZ[], p_tos TIMESTAMPTZ[]) RETURNS VOID LANGUAGE plpgsql AS $$
DECLARE
  written BIGINT;
BEGIN
  IF coalesce(array_length(p_students, 1), 0) = 0 THEN RETURN; END IF;
  PERFORM lock_summaries_of(p_students);

  DELETE FROM credited_student_months t USING unnest(p_students, p_froms, p_tos) AS r(student_id, from_at, to_at)
   WHERE t.student_id = r.student_id AND t.month::timestamp AT TIME ZONE 'UTC' >= date_trunc('month', r.from_at, 'UTC') AND t.month::timestamp AT TIME ZONE 'UTC' < r.to_at;
  DELETE FROM credited_subject_months t USING unnest(p_students, p_froms, p_tos) AS r(student_id, from_at, to_at)
   WHERE t.student_id = r.student_id AND t.month::timestamp AT TIME ZONE 'UTC' >= date_trunc('month', r.from_at, 'UTC') AND t.month::timestamp AT TIME ZONE 'UTC' < r.to_at;
  DELETE FROM student_months t USING unnest(p_students, p_froms, p_tos) AS r(student_id, from_at, to_at)
   WHERE t.student_id = r.student_id AND t.month::timestamp AT TIME ZONE 'UTC' >= date_trunc('month', r.from_at, 'UTC') AND t.month::timestamp AT TIME ZONE 'UTC' < r.to_at;

  WITH credit AS (SELECT * FROM learning_events(p_students, p_froms, p_tos)),
  credited AS (SELECT unnest(partners) AS partner_id, credit.* FROM credit),
  by_student AS (
    INSERT INTO credited_student_months (partner_id, student_id, month, assessments, score_sum, enrolments, completions, certificates, promotions, tutor_sessions, last_active_at)
    SELECT partner_id, student_id, month,
           COUNT(*) FILTER (WHERE kind = 'a'), COALESCE(SUM(score) FILTER (WHERE kind = 'a'), 0),
           COUNT(*) FILTER (WHERE kind = 'e'), COUNT(*) FILTER (WHERE kind = 'c'), COUNT(*) FILTER (WHERE kind = 'f'),
           COUNT(*) FILTER (WHERE kind = 'p'), COUNT(*) FILTER (WHERE kind = 't'), MAX(at)
      FROM credited GROUP BY partner_id, student_id, month
    RETURNING 1
  ),
  by_subject AS (
    INSERT INTO credited_subject_months (partner_id, student_id, month, subject, assessments, score_sum, enrolments, completions)
    SELECT partner_id, student_id, month, subject,
           COUNT(*) FILTER (WHERE kind = 'a'), COALESCE(SUM(score) FILTER (WHERE kind = 'a'), 0),
           COUNT(*) FILTER (WHERE kind = 'e'), COUNT(*) FILTER (WHERE kind = 'c')
      FROM credited WHERE kind IN ('a', 'e', 'c') GROUP BY partner_id, student_id, month, subject
    RETURNING 1
  ),
  -- Outcomes no partner funded, and every enrolment and completion (for open enrolments).
  platform AS (
    INSERT INTO student_months (student_id, month, assessments, score_sum, enrolments, completions, funded_outcomes, all_enrolments, all_completions)
    SELECT student_id, month,
           COUNT(*) FILTER (WHERE kind = 'a' AND cardinality(partners) = 0), COALESCE(SUM(score) FILTER (WHERE kind = 'a' AND cardinality(partners) = 0), 0),
           COUNT(*) FILTER (WHERE kind = 'e' AND cardinality(partners) = 0),
           COUNT(*) FILTER (WHERE kind = 'c' AND cardinality(partners) = 0),
           COUNT(*) FILTER (WHERE cardinality(partners) > 0),
           COUNT(*) FILTER (WHERE kind = 'e'), COUNT(*) FILTER (WHERE kind = 'c')
      FROM credit GROUP BY student_id, month
    RETURNING 1
  )
  SELECT (SELECT COUNT(*) FROM by_student) + (SELECT COUNT(*) FROM by_subject) + (SELECT COUNT(*) FROM platform) INTO written;
END $$;

-- Recomputes when funding began and the baseline of each of the students, per partner.
CREATE FUNCTION "refresh_partner_students"(p_students UUID[]) RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(array_length(p_students, 1), 0) = 0 THEN RETURN; END IF;
  PERFORM lock_summaries_of(p_students);
  -- Rows of partners that no longer fund the student go; the others keep their totals.
  DELETE FROM partner_students ps
   WHERE ps.student_id = ANY (p_students)
     AND NOT EXISTS (SELECT 1 FROM funding_spells fs WHERE fs.student_id = ps.student_id AND fs.partner_id = ps.partner_id);
  INSERT INTO partner_students AS t (partner_id, student_id, funded_from, funded_until, baseline_assessments, baseline_sum)
  SELECT f.partner_id, f.student_id, f.funded_from, f.funded_until, COUNT(a.id), COALESCE(SUM(a.score), 0)
    FROM (SELECT partner_id, student_id, MIN(starts_at) AS funded_from, MAX(ends_at) AS funded_until
            FROM funding_spells WHERE student_id = ANY (p_students) GROUP BY 1, 2) f
    LEFT JOIN assessments a ON a.student_id = f.student_id AND a.taken_at >= f.funded_from - interval '90 days' AND a.taken_at < f.funded_from
   GROUP BY f.partner_id, f.student_id, f.funded_from, f.funded_until
  ON CONFLICT (partner_id, student_id) DO UPDATE SET
    funded_from = EXCLUDED.funded_from, funded_until = EXCLUDED.funded_until,
    baseline_assessments = EXCLUDED.baseline_assessments, baseline_sum = EXCLUDED.baseline_sum;
END $$;

-- Everything about the students: their funding, baselines and all their summaries.
CREATE FUNCTION "refresh_students"(p_students UUID[]) RETURNS VOID LANGUAGE plpgsql AS $$
DECLARE
  n INTEGER := coalesce(array_length(p_students, 1), 0);
BEGIN
  IF n = 0 THEN RETURN; END IF;
  PERFORM lock_summaries_of(p_students);
  PERFORM refresh_partner_students(p_students);
  PERFORM refresh_learning_summaries(p_students, array_fill('-infinity'::timestamptz, ARRAY[n]), array_fill('infinity'::timestamptz, ARRAY[n]));
  -- Totals of partner_students are sums of the monthly rows: recomputed from them.
  UPDATE partner_students ps SET
    assessments = COALESCE(m.assessments, 0), score_sum = COALESCE(m.score_sum, 0), enrolments = COALESCE(m.enrolments, 0),
    completions = COALESCE(m.completions, 0), certificates = COALESCE(m.certificates, 0), promotions = COALESCE(m.promotions, 0),
    tutor_sessions = COALESCE(m.tutor_sessions, 0), last_active_at = m.last_active_at
    FROM (SELECT ps2.partner_id, ps2.student_id, SUM(c.assessments) AS assessments, SUM(c.score_sum) AS score_sum, SUM(c.enrolments) AS enrolments,
                 SUM(c.completions) AS completions, SUM(c.certificates) AS certificates, SUM(c.promotions) AS promotions,
                 SUM(c.tutor_sessions) AS tutor_sessions, MAX(c.last_active_at) AS last_active_at
            FROM partner_students ps2 LEFT JOIN credited_student_months c ON c.partner_id = ps2.partner_id AND c.student_id = ps2.student_id
           WHERE ps2.student_id = ANY (p_students) GROUP BY ps2.partner_id, ps2.student_id) m
   WHERE ps.partner_id = m.partner_id AND ps.student_id = m.student_id;
END $$;

-- ─── Triggers on the learning records ─────────────────────────────────────────

-- The month cells each changed record touches, refreshed once per statement.
CREATE FUNCTION "refresh_cells_of"(p_students UUID[], p_times TIMESTAMPTZ[]) RETURNS VOID LANGUAGE plpgsql AS $$
DECLARE
  cells RECORD;
BEGIN
  SELECT array_agg(student_id) AS students, array_agg(from_at) AS froms, array_agg(from_at + interval '1 month') AS tos
    INTO cells
    FROM (SELECT DISTINCT s AS student_id, date_trunc('month', t, 'UTC') AS from_at
            FROM unnest(p_students, p_times) AS x(s, t) WHERE t IS NOT NULL) c;
  PERFORM refresh_learning_summaries(cells.students, cells.froms, cells.tos);
  -- The per-student totals follow the monthly rows through the roll-up trigger.
END $$;

CREATE FUNCTION "on_assessments_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  students UUID[];
  times TIMESTAMPTZ[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(student_id), array_agg(taken_at) INTO students, times FROM new_rows;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(student_id), array_agg(taken_at) INTO students, times FROM old_rows;
  ELSE
    SELECT array_agg(student_id), array_agg(taken_at) INTO students, times FROM (SELECT student_id, taken_at FROM new_rows UNION ALL SELECT student_id, taken_at FROM old_rows) x;
  END IF;
  PERFORM refresh_cells_of(students, times);
  -- Assessments also make the baselines.
  PERFORM refresh_partner_students(ARRAY(SELECT DISTINCT unnest(students)));
  RETURN NULL;
END $$;
CREATE TRIGGER "assessments_inserted" AFTER INSERT ON "assessments" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "on_assessments_changed"();
CREATE TRIGGER "assessments_updated" AFTER UPDATE ON "assessments" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "on_assessments_changed"();
CREATE TRIGGER "assessments_deleted" AFTER DELETE ON "assessments" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "on_assessments_changed"();

CREATE FUNCTION "on_enrollments_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  students UUID[];
  times TIMESTAMPTZ[];
BEGIN
  -- An enrolment touches the month it began and the month it was completed in.
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(student_id), array_agg(at) INTO students, times FROM (
      SELECT student_id, enrolled_at AS at FROM new_rows UNION ALL SELECT student_id, completed_at FROM new_rows) x;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(student_id), array_agg(at) INTO students, times FROM (
      SELECT student_id, enrolled_at AS at FROM old_rows UNION ALL SELECT student_id, completed_at FROM old_rows) x;
  ELSE
    -- Progress updates that move neither date change no summary.
    SELECT array_agg(student_id), array_agg(at) INTO students, times FROM (
      SELECT n.student_id, x.at FROM new_rows n JOIN old_rows o ON o.id = n.id
        CROSS JOIN LATERAL (VALUES (n.enrolled_at), (n.completed_at), (o.enrolled_at), (o.completed_at)) AS x(at)
       WHERE n.enrolled_at IS DISTINCT FROM o.enrolled_at OR n.completed_at IS DISTINCT FROM o.completed_at
          OR n.student_id IS DISTINCT FROM o.student_id OR n.course_id IS DISTINCT FROM o.course_id) y;
  END IF;
  PERFORM refresh_cells_of(students, times);
  RETURN NULL;
END $$;
CREATE TRIGGER "enrollments_inserted" AFTER INSERT ON "enrollments" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "on_enrollments_changed"();
CREATE TRIGGER "enrollments_updated" AFTER UPDATE ON "enrollments" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "on_enrollments_changed"();
CREATE TRIGGER "enrollments_deleted" AFTER DELETE ON "enrollments" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "on_enrollments_changed"();

-- Certificates, promotions and tutor sessions: one timestamp each.
CREATE FUNCTION "on_dated_outcome_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  students UUID[];
  times TIMESTAMPTZ[];
  col TEXT := TG_ARGV[0];
BEGIN
  IF TG_OP = 'INSERT' THEN
    EXECUTE format('SELECT array_agg(student_id), array_agg(%I) FROM new_rows', col) INTO students, times;
  ELSIF TG_OP = 'DELETE' THEN
    EXECUTE format('SELECT array_agg(student_id), array_agg(%I) FROM old_rows', col) INTO students, times;
  ELSE
    EXECUTE format('SELECT array_agg(student_id), array_agg(at) FROM (SELECT student_id, %1$I AS at FROM new_rows UNION ALL SELECT student_id, %1$I FROM old_rows) x', col) INTO students, times;
  END IF;
  PERFORM refresh_cells_of(students, times);
  RETURN NULL;
END $$;
CREATE TRIGGER "certificates_inserted" AFTER INSERT ON "certificates" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "on_dated_outcome_changed"('issued_at');
CREATE TRIGGER "certificates_updated" AFTER UPDATE ON "certificates" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "on_dated_outcome_changed"('issued_at');
CREATE TRIGGER "certificates_deleted" AFTER DELETE ON "certificates" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "on_dated_outcome_changed"('issued_at');
CREATE TRIGGER "grade_promotions_inserted" AFTER INSERT ON "grade_promotions" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "on_dated_outcome_changed"('promoted_at');
CREATE TRIGGER "grade_promotions_updated" AFTER UPDATE ON "grade_promotions" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "on_dated_outcome_changed"('promoted_at');
CREATE TRIGGER "grade_promotions_deleted" AFTER DELETE ON "grade_promotions" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "on_dated_outcome_changed"('promoted_at');
CREATE TRIGGER "tutor_sessions_inserted" AFTER INSERT ON "tutor_sessions" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "on_dated_outcome_changed"('started_at');
CREATE TRIGGER "tutor_sessions_updated" AFTER UPDATE ON "tutor_sessions" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "on_dated_outcome_changed"('started_at');
CREATE TRIGGER "tutor_sessions_deleted" AFTER DELETE ON "tutor_sessions" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "on_dated_outcome_changed"('started_at');

-- ─── Triggers on what defines funding ─────────────────────────────────────────

CREATE FUNCTION "on_sponsorships_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  students UUID[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT student_id) INTO students FROM new_rows WHERE activated_at IS NOT NULL;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT student_id) INTO students FROM old_rows WHERE activated_at IS NOT NULL;
  ELSE
    SELECT array_agg(DISTINCT s) INTO students FROM (
      SELECT n.student_id AS s FROM new_rows n JOIN old_rows o ON o.id = n.id
       WHERE n.status IS DISTINCT FROM o.status OR n.activated_at IS DISTINCT FROM o.activated_at OR n.ended_at IS DISTINCT FROM o.ended_at
          OR n.start_date IS DISTINCT FROM o.start_date OR n.end_date IS DISTINCT FROM o.end_date
          OR n.student_id IS DISTINCT FROM o.student_id OR n.partner_id IS DISTINCT FROM o.partner_id
      UNION SELECT o.student_id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.student_id IS DISTINCT FROM o.student_id) x;
  END IF;
  PERFORM refresh_students(students);
  RETURN NULL;
END $$;
CREATE TRIGGER "sponsorships_inserted" AFTER INSERT ON "sponsorships" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "on_sponsorships_changed"();
CREATE TRIGGER "sponsorships_updated" AFTER UPDATE ON "sponsorships" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "on_sponsorships_changed"();
CREATE TRIGGER "sponsorships_deleted" AFTER DELETE ON "sponsorships" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "on_sponsorships_changed"();

CREATE FUNCTION "on_program_participants_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
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
  PERFORM refresh_students(students);
  RETURN NULL;
END $$;
CREATE TRIGGER "program_participants_inserted" AFTER INSERT ON "program_participants" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "on_program_participants_changed"();
CREATE TRIGGER "program_participants_updated" AFTER UPDATE ON "program_participants" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "on_program_participants_changed"();
CREATE TRIGGER "program_participants_deleted" AFTER DELETE ON "program_participants" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "on_program_participants_changed"();

CREATE FUNCTION "on_programs_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  students UUID[];
BEGIN
  SELECT array_agg(DISTINCT pp.student_id) INTO students
    FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN program_participants pp ON pp.program_id = n.id
   WHERE n.status IS DISTINCT FROM o.status OR n.activated_at IS DISTINCT FROM o.activated_at
      OR n.end_date IS DISTINCT FROM o.end_date OR n.partner_id IS DISTINCT FROM o.partner_id;
  PERFORM refresh_students(students);
  RETURN NULL;
END $$;
CREATE TRIGGER "programs_updated" AFTER UPDATE ON "programs" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "on_programs_changed"();

-- Summaries for the records already there.
SELECT refresh_students(ARRAY(SELECT id FROM students));
