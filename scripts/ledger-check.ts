/**
 * npm run ledger:check [-- --partnership <id>]: checks the escrow ledger of the configured
 * database (embedded, or DATABASE_URL) and prints each account's balance; exits 1 when an
 * invariant is broken. With --partnership, also prints that partnership's entries.
 */
import { parseArgs } from "node:util";
import { disconnectDb, getDb } from "../lib/db";
import { checkLedger } from "../lib/partnerships/check-ledger";

const { values } = parseArgs({ options: { partnership: { type: "string" } } });
const db = getDb();
try {
  const check = await checkLedger(db);
  console.log(`${check.entries} entries in ${check.movements} movements`);
  for (const b of check.balances)
    console.log(`  ${b.account.padEnd(18)} ${b.currency} ${(Number(b.balanceMinor) / 100).toFixed(2).padStart(16)}`);
  if (values.partnership) {
    const entries = await db.ledgerEntry.findMany({
      where: { partnershipId: values.partnership },
      orderBy: [{ createdAt: "asc" }, { movement: "asc" }, { amountMinor: "asc" }],
    });
    console.log(`\nPartnership ${values.partnership}: ${entries.length} entries`);
    for (const e of entries) {
      console.log(
        `  ${e.createdAt.toISOString()}  ${e.movement.padEnd(8)} ${e.account.padEnd(18)} ${e.currency} ${(Number(e.amountMinor) / 100).toFixed(2).padStart(12)}  payment ${e.paymentId}`,
      );
    }
  }
  if (check.problems.length) {
    console.error(`\n${check.problems.length} problem(s):`);
    for (const problem of check.problems) console.error(`  ${problem}`);
    process.exitCode = 1;
  } else {
    console.log("\nThe ledger balances and agrees with every payment.");
  }
} finally {
  await disconnectDb();
}
