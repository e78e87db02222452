-- An invoice whose payment failed or expired is void: it is owed by nobody. A new enum
-- value must be committed before it is used, so it comes in its own migration.
ALTER TYPE "InvoiceStatus" ADD VALUE 'void';
