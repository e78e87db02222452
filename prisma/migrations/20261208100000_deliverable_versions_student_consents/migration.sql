-- Versions, files and comments of deliverables; a student's consented story; consents partners record for students.
-- CreateEnum
CREATE TYPE "ConsentKind" AS ENUM ('full_name');

-- CreateEnum
CREATE TYPE "ReviewOutcome" AS ENUM ('approved', 'changes_requested');

-- AlterTable
ALTER TABLE "students" ADD COLUMN     "story" TEXT,
ADD COLUMN     "story_consent_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "student_consents" (
    "organization_id" UUID NOT NULL,
    "student_id" UUID NOT NULL,
    "kind" "ConsentKind" NOT NULL,
    "recorded_by_id" UUID NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "note" TEXT,

    CONSTRAINT "student_consents_pkey" PRIMARY KEY ("organization_id","student_id","kind")
);

-- CreateTable
CREATE TABLE "deliverable_versions" (
    "id" UUID NOT NULL,
    "deliverable_id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "submitted_by_id" UUID NOT NULL,
    "link" TEXT,
    "notes" TEXT,
    "submitted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "outcome" "ReviewOutcome",
    "feedback" TEXT,
    "reviewed_by_id" UUID,
    "reviewed_at" TIMESTAMPTZ(3),

    CONSTRAINT "deliverable_versions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "deliverable_files" (
    "id" UUID NOT NULL,
    "version_id" UUID NOT NULL,
    "uploaded_by_id" UUID NOT NULL,
    "file_name" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "byte_size" INTEGER NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "storage_key" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "deliverable_files_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "deliverable_comments" (
    "id" UUID NOT NULL,
    "deliverable_id" UUID NOT NULL,
    "version_id" UUID,
    "author_id" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "deliverable_comments_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "student_consents_student_id_idx" ON "student_consents"("student_id");

-- CreateIndex
CREATE INDEX "student_consents_recorded_by_id_idx" ON "student_consents"("recorded_by_id");

-- CreateIndex
CREATE INDEX "deliverable_versions_submitted_by_id_idx" ON "deliverable_versions"("submitted_by_id");

-- CreateIndex
CREATE INDEX "deliverable_versions_reviewed_by_id_idx" ON "deliverable_versions"("reviewed_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "deliverable_versions_deliverable_id_number_key" ON "deliverable_versions"("deliverable_id", "number");

-- CreateIndex
CREATE UNIQUE INDEX "deliverable_files_storage_key_key" ON "deliverable_files"("storage_key");

-- CreateIndex
CREATE INDEX "deliverable_files_version_id_idx" ON "deliverable_files"("version_id");

-- CreateIndex
CREATE INDEX "deliverable_files_uploaded_by_id_idx" ON "deliverable_files"("uploaded_by_id");

-- CreateIndex
CREATE INDEX "deliverable_comments_deliverable_id_created_at_idx" ON "deliverable_comments"("deliverable_id", "created_at");

-- CreateIndex
CREATE INDEX "deliverable_comments_version_id_idx" ON "deliverable_comments"("version_id");

-- CreateIndex
CREATE INDEX "deliverable_comments_author_id_idx" ON "deliverable_comments"("author_id");

-- AddForeignKey
ALTER TABLE "student_consents" ADD CONSTRAINT "student_consents_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "student_consents" ADD CONSTRAINT "student_consents_student_id_fkey" FOREIGN KEY ("student_id") REFERENCES "students"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "student_consents" ADD CONSTRAINT "student_consents_recorded_by_id_fkey" FOREIGN KEY ("recorded_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deliverable_versions" ADD CONSTRAINT "deliverable_versions_deliverable_id_fkey" FOREIGN KEY ("deliverable_id") REFERENCES "deliverables"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deliverable_versions" ADD CONSTRAINT "deliverable_versions_submitted_by_id_fkey" FOREIGN KEY ("submitted_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deliverable_versions" ADD CONSTRAINT "deliverable_versions_reviewed_by_id_fkey" FOREIGN KEY ("reviewed_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deliverable_files" ADD CONSTRAINT "deliverable_files_version_id_fkey" FOREIGN KEY ("version_id") REFERENCES "deliverable_versions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deliverable_files" ADD CONSTRAINT "deliverable_files_uploaded_by_id_fkey" FOREIGN KEY ("uploaded_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deliverable_comments" ADD CONSTRAINT "deliverable_comments_deliverable_id_fkey" FOREIGN KEY ("deliverable_id") REFERENCES "deliverables"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deliverable_comments" ADD CONSTRAINT "deliverable_comments_version_id_fkey" FOREIGN KEY ("version_id") REFERENCES "deliverable_versions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deliverable_comments" ADD CONSTRAINT "deliverable_comments_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- The submission each deliverable already has becomes its latest version, numbered after the revisions asked for
-- before it (earlier submissions were not kept).
INSERT INTO "deliverable_versions" ("id", "deliverable_id", "number", "submitted_by_id", "link", "notes", "submitted_at", "outcome", "feedback", "reviewed_by_id", "reviewed_at")
SELECT gen_random_uuid(), d."id",
       GREATEST(d."revision_count" + CASE WHEN d."status" IN ('submitted', 'approved') THEN 1 ELSE 0 END, 1),
       p."creator_id", d."submission_url", d."notes", d."submitted_at",
       CASE WHEN d."status" = 'approved' THEN 'approved'::"ReviewOutcome"
            WHEN d."status" = 'in_progress' AND d."feedback" IS NOT NULL THEN 'changes_requested'::"ReviewOutcome" END,
       CASE WHEN d."status" = 'in_progress' THEN d."feedback" END,
       CASE WHEN d."status" = 'approved' OR (d."status" = 'in_progress' AND d."feedback" IS NOT NULL) THEN p."brand_id" END,
       CASE WHEN d."status" = 'approved' THEN d."approved_at" END
FROM "deliverables" d JOIN "partnerships" p ON p."id" = d."partnership_id"
WHERE d."submitted_at" IS NOT NULL;
