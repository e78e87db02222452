-- Organisations for every kind of party, memberships with roles, and invitations.
CREATE TYPE "OrganizationKind" AS ENUM ('partner', 'brand', 'creator', 'platform');
CREATE TYPE "MemberRole" AS ENUM ('owner', 'admin', 'finance', 'member', 'viewer');

ALTER TABLE "organizations" ADD COLUMN "kind" "OrganizationKind" NOT NULL DEFAULT 'partner';
-- A legal form (NGO, company, foundation) is a partner's; a creator may be one person.
ALTER TABLE "organizations" ALTER COLUMN "type" DROP NOT NULL;
UPDATE "organizations" SET "kind" = 'platform' WHERE "issues_documents";

-- Every brand and creator account becomes a one-person organisation of its own, with the
-- user's id (so the mapping is plain), named after the brand's company or the person.
INSERT INTO "organizations" ("id", "name", "type", "kind", "country", "reporting_currency", "created_at")
SELECT u."id",
       COALESCE(bp."company_name", u."name"),
       CASE WHEN u."role" = 'brand' THEN 'company'::"OrganizationType" ELSE NULL END,
       u."role"::text::"OrganizationKind",
       'KE', 'KES', u."created_at"
  FROM "users" u
  LEFT JOIN "brand_profiles" bp ON bp."user_id" = u."id"
 WHERE u."role" IN ('brand', 'creator') AND u."organization_id" IS NULL;
UPDATE "users" SET "organization_id" = "id" WHERE "role" IN ('brand', 'creator') AND "organization_id" IS NULL;

CREATE TABLE "memberships" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "role" "MemberRole" NOT NULL,
    "invited_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "memberships_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "invitations" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "role" "MemberRole" NOT NULL,
    "token_hash" TEXT NOT NULL,
    "invited_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "accepted_at" TIMESTAMPTZ(3),
    "accepted_user_id" UUID,
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "invitations_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "memberships_organization_id_user_id_key" ON "memberships"("organization_id", "user_id");
CREATE INDEX "memberships_user_id_idx" ON "memberships"("user_id");
CREATE UNIQUE INDEX "invitations_token_hash_key" ON "invitations"("token_hash");
CREATE INDEX "invitations_organization_id_created_at_idx" ON "invitations"("organization_id", "created_at");
-- At most one open invitation per address and organisation.
CREATE UNIQUE INDEX "invitations_open_email_key" ON "invitations"("organization_id", lower("email")) WHERE "accepted_at" IS NULL AND "revoked_at" IS NULL;

ALTER TABLE "memberships" ADD CONSTRAINT "memberships_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_invited_by_id_fkey" FOREIGN KEY ("invited_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_invited_by_id_fkey" FOREIGN KEY ("invited_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_accepted_user_id_fkey" FOREIGN KEY ("accepted_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Everyone who had an account keeps every right they had: the owner of their organisation.
INSERT INTO "memberships" ("id", "organization_id", "user_id", "role", "created_at", "updated_at")
SELECT gen_random_uuid(), u."organization_id", u."id", 'owner', u."created_at", u."created_at"
  FROM "users" u
 WHERE u."organization_id" IS NOT NULL AND u."role" <> 'admin';
