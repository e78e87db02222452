-- Payments can be cancelled before they are funded and refunded after. A new enum value
-- must be committed before it is used, so these come in their own migration.
ALTER TYPE "EscrowPaymentStatus" ADD VALUE 'cancelled';
ALTER TYPE "EscrowPaymentStatus" ADD VALUE 'refunded';
