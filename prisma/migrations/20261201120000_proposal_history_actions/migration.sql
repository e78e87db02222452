-- Edits to a draft are no longer history: the recipient never saw the draft.
DELETE FROM "proposal_events" WHERE "action" = 'updated';

-- AlterEnum
CREATE TYPE "ProposalAction_new" AS ENUM ('created', 'sent', 'viewed', 'accepted', 'countered', 'rejected');
ALTER TABLE "proposal_events" ALTER COLUMN "action" TYPE "ProposalAction_new" USING ("action"::text::"ProposalAction_new");
ALTER TYPE "ProposalAction" RENAME TO "ProposalAction_old";
ALTER TYPE "ProposalAction_new" RENAME TO "ProposalAction";
DROP TYPE "public"."ProposalAction_old";
