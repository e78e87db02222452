-- What the partner's per-student figures need beside the outcomes, kept on the
-- partner's own rows so that listing and counting a portfolio reads only that portfolio:
-- the student's name, grade, county and school as recorded now, and their course
-- enrolments open now (not completed), in total and per subject.

ALTER TABLE "partner_students"
  ADD COLUMN "first_name" TEXT,
  ADD COLUMN "last_name" TEXT,
  ADD COLUMN "grade_level" INTEGER,
  ADD COLUMN "county_id" UUID,
  ADD COLUMN "school_id" UUID,
  ADD COLUMN "open_enrolments" INTEGER NOT NULL DEFAULT 0;

CREATE TABLE "partner_open_enrolments" (
  "partner_id" UUID NOT NULL,
  "student_id" UUID NOT NULL,
  "subject" TEXT NOT NULL,
  "open" INTEGER NOT NULL,
  CONSTRAINT "partner_open_enrolments_pkey" PRIMARY KEY ("partner_id", "student_id", "subject")
);
CREATE INDEX "partner_open_enrolments_student_idx" ON "partner_open_enrolments" ("student_id");

CREATE FUNCTION "refresh_student_facts"(p_students UUID[]) RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(array_length(p_students, 1), 0) = 0 THEN RETURN; END IF;
  PERFORM lock_summaries_of(p_students);
  UPDATE partner_students ps
     SET first_name = st.first_name, last_name = st.last_name, grade_level = st.grade_level, county_id = st.county_id, school_id = st.school_id,
         open_enrolments = COALESCE((SELECT COUNT(*) FROM enrollments e WHERE e.student_id = st.id AND e.completed_at IS NULL), 0)
    FROM students st
   WHERE st.id = ANY (p_students) AND ps.student_id = st.id;
  DELETE FROM partner_open_enrolments WHERE student_id = ANY (p_students);
  INSERT INTO partner_open_enrolments (partner_id, student_id, subject, open)
  SELECT ps.partner_id, ps.student_id, c.subject::text, COUNT(*)
    FROM partner_students ps
    JOIN enrollments e ON e.student_id = ps.student_id AND e.completed_at IS NULL
    JOIN courses c ON c.id = e.course_id
   WHERE ps.student_id = ANY (p_students)
   GROUP BY ps.partner_id, ps.student_id, c.subject;
END $$;

-- New partner rows get the facts with their funding.
ALTER FUNCTION "refresh_partner_students"(UUID[]) RENAME TO "refresh_partner_funding";
CREATE FUNCTION "refresh_partner_students"(p_students UUID[]) RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_partner_funding(p_students);
  PERFORM refresh_student_facts(p_students);
END $$;

CREATE FUNCTION "on_enrollments_changed_for_facts"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  students UUID[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT student_id) INTO students FROM new_rows;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT student_id) INTO students FROM old_rows;
  ELSE
    SELECT array_agg(DISTINCT s) INTO students FROM (
      SELECT n.student_id AS s FROM new_rows n JOIN old_rows o ON o.id = n.id
       WHERE n.completed_at IS DISTINCT FROM o.completed_at OR n.student_id IS DISTINCT FROM o.student_id OR n.course_id IS DISTINCT FROM o.course_id
      UNION SELECT o.student_id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.student_id IS DISTINCT FROM o.student_id) x;
  END IF;
  -- Only students some partner funds have rows to keep.
  PERFORM refresh_student_facts(ARRAY(SELECT DISTINCT student_id FROM partner_students WHERE student_id = ANY (students)));
  RETURN NULL;
END $$;
CREATE TRIGGER "enrollments_inserted_for_facts" AFTER INSERT ON "enrollments" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "on_enrollments_changed_for_facts"();
CREATE TRIGGER "enrollments_updated_for_facts" AFTER UPDATE ON "enrollments" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "on_enrollments_changed_for_facts"();
CREATE TRIGGER "enrollments_deleted_for_facts" AFTER DELETE ON "enrollments" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "on_enrollments_changed_for_facts"();

CREATE FUNCTION "on_student_facts_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_student_facts(ARRAY[NEW.id]);
  RETURN NULL;
END $$;
CREATE TRIGGER "students_facts_changed" AFTER UPDATE OF "first_name", "last_name", "grade_level", "county_id", "school_id" ON "students"
  FOR EACH ROW WHEN (OLD.first_name IS DISTINCT FROM NEW.first_name OR OLD.last_name IS DISTINCT FROM NEW.last_name OR OLD.grade_level IS DISTINCT FROM NEW.grade_level
                     OR OLD.county_id IS DISTINCT FROM NEW.county_id OR OLD.school_id IS DISTINCT FROM NEW.school_id)
  EXECUTE FUNCTION "on_student_facts_changed"();

SELECT refresh_student_facts(ARRAY(SELECT DISTINCT student_id FROM partner_students));
