-- Summaries that make a partner's figures for a period cost time in proportion to the
-- partner's students and months, kept by the same triggers as the learning summaries.

-- ─── Funding spells, kept as rows ────────────────────────────────────────────
-- The definition stays a view; the rows are refreshed with each student's funding, so
-- that "whom did this partner fund, when" is an index lookup.
ALTER VIEW "funding_spells" RENAME TO "funding_spell_definitions";

CREATE TABLE "funding_spells" (
  "partner_id" UUID NOT NULL,
  "student_id" UUID NOT NULL,
  "starts_at" TIMESTAMPTZ NOT NULL,
  "ends_at" TIMESTAMPTZ NOT NULL,
  CONSTRAINT "funding_spells_pkey" PRIMARY KEY ("partner_id", "student_id", "starts_at", "ends_at")
);
CREATE INDEX "funding_spells_student_idx" ON "funding_spells" ("student_id");
CREATE INDEX "funding_spells_ends_idx" ON "funding_spells" ("ends_at");

CREATE FUNCTION "refresh_funding_spells"(p_students UUID[]) RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(array_length(p_students, 1), 0) = 0 THEN RETURN; END IF;
  PERFORM lock_summaries_of(p_students);
  DELETE FROM funding_spells WHERE student_id = ANY (p_students);
  INSERT INTO funding_spells (partner_id, student_id, starts_at, ends_at)
  SELECT DISTINCT partner_id, student_id, starts_at, ends_at FROM funding_spell_definitions WHERE student_id = ANY (p_students) AND starts_at < ends_at;
END $$;

-- Funding changes reach the summaries through refresh_students; the spells come first.
ALTER FUNCTION "refresh_students"(UUID[]) RENAME TO "refresh_student_summaries";
CREATE FUNCTION "refresh_students"(p_students UUID[]) RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_funding_spells(p_students);
  PERFORM refresh_student_summaries(p_students);
END $$;

SELECT refresh_funding_spells(ARRAY(SELECT DISTINCT student_id FROM funding_spell_definitions));

-- ─── Each partner's students over the three and twelve months ending each month ──
-- For end month E: the credited assessments of the months E-2 to E (the `quarter`
-- period, and every period's recent average) and E-11 to E (the `year` period).
CREATE TABLE "partner_student_windows" (
  "partner_id" UUID NOT NULL,
  "student_id" UUID NOT NULL,
  "end_month" DATE NOT NULL,
  "quarter_assessments" INTEGER NOT NULL DEFAULT 0,
  "quarter_score_sum" DOUBLE PRECISION NOT NULL DEFAULT 0,
  "year_assessments" INTEGER NOT NULL DEFAULT 0,
  "year_score_sum" DOUBLE PRECISION NOT NULL DEFAULT 0,
  CONSTRAINT "partner_student_windows_pkey" PRIMARY KEY ("partner_id", "end_month", "student_id")
);
CREATE INDEX "partner_student_windows_student_idx" ON "partner_student_windows" ("student_id");

-- Recomputes the rows of each student for the end months between two months (inclusive).
CREATE FUNCTION "refresh_partner_windows"(p_students UUID[], p_first DATE[], p_last DATE[]) RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(array_length(p_students, 1), 0) = 0 THEN RETURN; END IF;
  PERFORM lock_summaries_of(p_students);
  DELETE FROM partner_student_windows t USING unnest(p_students, p_first, p_last) AS r(student_id, first_end, last_end)
   WHERE t.student_id = r.student_id AND t.end_month >= r.first_end AND t.end_month <= r.last_end;
  INSERT INTO partner_student_windows (partner_id, student_id, end_month, quarter_assessments, quarter_score_sum, year_assessments, year_score_sum)
  WITH r AS (SELECT * FROM unnest(p_students, p_first, p_last) AS r(student_id, first_end, last_end)),
  span AS (
    SELECT partner_id, student_id, MIN(month) AS first_month, MAX(month) AS last_month
      FROM credited_student_months WHERE student_id IN (SELECT student_id FROM r) AND assessments > 0 GROUP BY 1, 2
  ),
  ends AS (
    SELECT DISTINCT s.partner_id, s.student_id, e::date AS end_month
      FROM r JOIN span s ON s.student_id = r.student_id
     CROSS JOIN LATERAL generate_series(GREATEST(r.first_end, s.first_month), LEAST(r.last_end, (s.last_month + interval '11 months')::date), interval '1 month') AS e
  )
  SELECT e.partner_id, e.student_id, e.end_month,
         COALESCE(SUM(c.assessments) FILTER (WHERE c.month >= (e.end_month - interval '2 months')::date), 0),
         COALESCE(SUM(c.score_sum) FILTER (WHERE c.month >= (e.end_month - interval '2 months')::date), 0),
         SUM(c.assessments), SUM(c.score_sum)
    FROM ends e
    JOIN credited_student_months c ON c.partner_id = e.partner_id AND c.student_id = e.student_id
     AND c.month >= (e.end_month - interval '11 months')::date AND c.month <= e.end_month AND c.assessments > 0
   GROUP BY e.partner_id, e.student_id, e.end_month;
END $$;

-- The learning summaries' refresh now also refreshes, for every end month the refreshed
-- months feed, the matched comparison (five months on) and the windows (eleven).
CREATE OR REPLACE FUNCTION "refresh_learning_summaries"(p_students UUID[], p_froms TIMESTAMPTZ[], p_tos TIMESTAMPTZ[]) RETURNS VOID LANGUAGE plpgsql AS $$
DECLARE
  ranges RECORD;
BEGIN
  IF coalesce(array_length(p_students, 1), 0) = 0 THEN RETURN; END IF;
  PERFORM refresh_monthly_summaries(p_students, p_froms, p_tos);
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

SELECT refresh_partner_windows(ARRAY(SELECT DISTINCT student_id FROM credited_student_months),
                               array_fill('-infinity'::date, ARRAY[(SELECT COUNT(DISTINCT student_id)::int FROM credited_student_months)]),
                               array_fill('infinity'::date, ARRAY[(SELECT COUNT(DISTINCT student_id)::int FROM credited_student_months)]));

-- Students advancing a grade: the few cells with a promotion, found without a scan.
CREATE INDEX "credited_student_months_promotions_idx" ON "credited_student_months" ("partner_id", "month") WHERE "promotions" > 0;

-- The latest completions, newest first.
CREATE INDEX "enrollments_completed_at_idx" ON "enrollments" ("completed_at");

-- ─── Money per partner and month ─────────────────────────────────────────────
-- Money paid in (payments completed in the month) and disbursed to sponsorships (in the
-- month), in the partner's reporting currency when the recorded rate allows
-- (`converted`), else in the money's own currency.
CREATE TABLE "partner_money_months" (
  "partner_id" UUID NOT NULL,
  "month" DATE NOT NULL,
  "figure" TEXT NOT NULL,
  "currency" CHAR(3) NOT NULL,
  "converted" BOOLEAN NOT NULL,
  "minor" BIGINT NOT NULL,
  CONSTRAINT "partner_money_months_pkey" PRIMARY KEY ("partner_id", "month", "figure", "currency", "converted")
);

CREATE FUNCTION "refresh_partner_money"(p_partners UUID[], p_months DATE[]) RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(array_length(p_partners, 1), 0) = 0 THEN RETURN; END IF;
  PERFORM lock_summaries_of(p_partners);
  DELETE FROM partner_money_months t USING (SELECT DISTINCT * FROM unnest(p_partners, p_months) AS r(partner_id, month)) r
   WHERE t.partner_id = r.partner_id AND (r.month IS NULL OR t.month = r.month);
  INSERT INTO partner_money_months (partner_id, month, figure, currency, converted, minor)
  WITH r AS (SELECT DISTINCT * FROM unnest(p_partners, p_months) AS r(partner_id, month))
  SELECT p.partner_id, date_trunc('month', p.completed_at, 'UTC')::date, 'paid_in',
         CASE WHEN p.reporting_currency = o.reporting_currency THEN o.reporting_currency ELSE p.currency END,
         COALESCE(p.reporting_currency = o.reporting_currency, FALSE),
         SUM(CASE WHEN p.reporting_currency = o.reporting_currency THEN p.reporting_amount_minor ELSE p.amount_minor END)
    FROM r JOIN payments p ON p.partner_id = r.partner_id AND p.status = 'completed' AND p.completed_at IS NOT NULL
     AND (r.month IS NULL OR date_trunc('month', p.completed_at, 'UTC')::date = r.month)
    JOIN organizations o ON o.id = p.partner_id
   GROUP BY 1, 2, 3, 4, 5
  UNION ALL
  SELECT s.partner_id, date_trunc('month', d.disbursed_at, 'UTC')::date, 'disbursed_to_sponsorships',
         CASE WHEN d.reporting_currency = o.reporting_currency THEN o.reporting_currency ELSE d.currency END,
         COALESCE(d.reporting_currency = o.reporting_currency, FALSE),
         SUM(CASE WHEN d.reporting_currency = o.reporting_currency THEN d.reporting_amount_minor ELSE d.amount_minor END)
    FROM r JOIN sponsorships s ON s.partner_id = r.partner_id
    JOIN disbursements d ON d.sponsorship_id = s.id AND (r.month IS NULL OR date_trunc('month', d.disbursed_at, 'UTC')::date = r.month)
    JOIN organizations o ON o.id = s.partner_id
   GROUP BY 1, 2, 3, 4, 5;
END $$;

CREATE FUNCTION "on_payments_changed_for_money"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  partners UUID[];
  months DATE[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(partner_id), array_agg(month) INTO partners, months FROM (
      SELECT DISTINCT partner_id, date_trunc('month', completed_at, 'UTC')::date AS month FROM new_rows WHERE completed_at IS NOT NULL) x;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(partner_id), array_agg(month) INTO partners, months FROM (
      SELECT DISTINCT partner_id, date_trunc('month', completed_at, 'UTC')::date AS month FROM old_rows WHERE completed_at IS NOT NULL) x;
  ELSE
    SELECT array_agg(partner_id), array_agg(month) INTO partners, months FROM (
      SELECT partner_id, date_trunc('month', completed_at, 'UTC')::date AS month FROM new_rows WHERE completed_at IS NOT NULL
      UNION SELECT partner_id, date_trunc('month', completed_at, 'UTC')::date FROM old_rows WHERE completed_at IS NOT NULL) x;
  END IF;
  PERFORM refresh_partner_money(partners, months);
  RETURN NULL;
END $$;
CREATE TRIGGER "payments_inserted_for_money" AFTER INSERT ON "payments" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "on_payments_changed_for_money"();
CREATE TRIGGER "payments_updated_for_money" AFTER UPDATE ON "payments" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "on_payments_changed_for_money"();
CREATE TRIGGER "payments_deleted_for_money" AFTER DELETE ON "payments" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "on_payments_changed_for_money"();

CREATE FUNCTION "on_disbursements_changed_for_money"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  partners UUID[];
  months DATE[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(partner_id), array_agg(month) INTO partners, months FROM (
      SELECT DISTINCT s.partner_id, date_trunc('month', n.disbursed_at, 'UTC')::date AS month FROM new_rows n JOIN sponsorships s ON s.id = n.sponsorship_id) x;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(partner_id), array_agg(month) INTO partners, months FROM (
      SELECT DISTINCT s.partner_id, date_trunc('month', o.disbursed_at, 'UTC')::date AS month FROM old_rows o JOIN sponsorships s ON s.id = o.sponsorship_id) x;
  ELSE
    SELECT array_agg(partner_id), array_agg(month) INTO partners, months FROM (
      SELECT s.partner_id, date_trunc('month', n.disbursed_at, 'UTC')::date AS month FROM new_rows n JOIN sponsorships s ON s.id = n.sponsorship_id
      UNION SELECT s.partner_id, date_trunc('month', o.disbursed_at, 'UTC')::date FROM old_rows o JOIN sponsorships s ON s.id = o.sponsorship_id) x;
  END IF;
  PERFORM refresh_partner_money(partners, months);
  RETURN NULL;
END $$;
CREATE TRIGGER "disbursements_inserted_for_money" AFTER INSERT ON "disbursements" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "on_disbursements_changed_for_money"();
CREATE TRIGGER "disbursements_updated_for_money" AFTER UPDATE ON "disbursements" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "on_disbursements_changed_for_money"();
CREATE TRIGGER "disbursements_deleted_for_money" AFTER DELETE ON "disbursements" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "on_disbursements_changed_for_money"();

-- A partner's reporting currency decides what converts: all its months again.
CREATE FUNCTION "on_reporting_currency_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_partner_money(ARRAY[NEW.id], ARRAY[NULL::date]);
  RETURN NULL;
END $$;
CREATE TRIGGER "organizations_reporting_currency_changed" AFTER UPDATE OF "reporting_currency" ON "organizations"
  FOR EACH ROW WHEN (OLD.reporting_currency IS DISTINCT FROM NEW.reporting_currency) EXECUTE FUNCTION "on_reporting_currency_changed"();

SELECT refresh_partner_money(ARRAY(SELECT id FROM organizations), array_fill(NULL::date, ARRAY[(SELECT COUNT(*)::int FROM organizations)]));

-- ─── When each partner funded each student, as one value ──────────────────────
-- The union of the student's funding spells with the partner: "funded at T" and
-- "funded at some moment of a period" become operators on the partner's own row.
ALTER TABLE "partner_students" ADD COLUMN "funding" TSTZMULTIRANGE NOT NULL DEFAULT '{}';

CREATE OR REPLACE FUNCTION "refresh_student_facts"(p_students UUID[]) RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(array_length(p_students, 1), 0) = 0 THEN RETURN; END IF;
  PERFORM lock_summaries_of(p_students);
  UPDATE partner_students ps
     SET first_name = st.first_name, last_name = st.last_name, grade_level = st.grade_level, county_id = st.county_id, school_id = st.school_id,
         open_enrolments = COALESCE((SELECT COUNT(*) FROM enrollments e WHERE e.student_id = st.id AND e.completed_at IS NULL), 0),
         funding = COALESCE((SELECT range_agg(tstzrange(fs.starts_at, fs.ends_at)) FROM funding_spells fs
                              WHERE fs.partner_id = ps.partner_id AND fs.student_id = ps.student_id), '{}')
    FROM students st
   WHERE st.id = ANY (p_students) AND ps.student_id = st.id;
  DELETE FROM partner_open_enrolments WHERE student_id = ANY (p_students);
  -- Per student, so that the lookup is by student whatever the statistics say.
  INSERT INTO partner_open_enrolments (partner_id, student_id, subject, open)
  SELECT ps.partner_id, ps.student_id, o.subject, o.open
    FROM partner_students ps
   CROSS JOIN LATERAL (
     SELECT c.subject::text AS subject, COUNT(*) AS open
       FROM enrollments e JOIN courses c ON c.id = e.course_id
      WHERE e.student_id = ps.student_id AND e.completed_at IS NULL
      GROUP BY c.subject) o
   WHERE ps.student_id = ANY (p_students);
END $$;

SELECT refresh_student_facts(ARRAY(SELECT DISTINCT student_id FROM partner_students));

-- A student's last activity follows a month's removal too (the latest remaining month).
CREATE OR REPLACE FUNCTION "roll_up_credited_student_month"() RETURNS trigger LANGUAGE plpgsql AS $$
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
    last_active_at = CASE
      WHEN sign > 0 THEN GREATEST(last_active_at, r.last_active_at)
      WHEN last_active_at <= r.last_active_at THEN (SELECT MAX(c.last_active_at) FROM credited_student_months c WHERE c.partner_id = r.partner_id AND c.student_id = r.student_id)
      ELSE last_active_at END
   WHERE partner_id = r.partner_id AND student_id = r.student_id;
  RETURN NULL;
END $$;

-- How the refreshes are planned. They run inside the writes of learning records, for a
-- handful of students as often as for thousands, and the planner cannot see how many
-- (an array parameter): it guesses thousands and picks hash joins over whole tables,
-- which makes one assessment cost a scan of every student's months. Every refresh reads
-- by student through an index, so nested loops are right for both, and compiling the
-- plan (JIT) never pays for itself here.
DO $$
DECLARE
  f REGPROCEDURE;
BEGIN
  FOR f IN SELECT p.oid::regprocedure FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname = current_schema() AND p.proname LIKE 'refresh\_%' LOOP
    EXECUTE format('ALTER FUNCTION %s SET jit = off SET enable_hashjoin = off SET enable_mergejoin = off', f);
  END LOOP;
END $$;
