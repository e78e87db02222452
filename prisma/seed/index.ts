/**
 * Seeds the configured database (DATABASE_URL, or the embedded database in the data folder).
 *
 *   npx tsx prisma/seed/index.ts [--scale N] [--anchor YYYY-MM-DD] [--no-skip]
 *
 * --scale    copies of the per-unit demo data (learners and partner portfolios), default 1
 * --anchor   the date everything is relative to, default the first day of this month (UTC)
 * --no-skip  re-generate units that are already seeded (their rows are skipped as duplicates)
 */
import { parseArgs } from "node:util";
import { databaseUrl } from "../../lib/config";
import { createClient } from "../../lib/db";
import { closeAllPglite } from "../../lib/db/pglite";
import { seed, type SeedSummary } from "./seed";

function parseOptions() {
  const { values } = parseArgs({
    options: {
      scale: { type: "string", default: "1" },
      anchor: { type: "string" },
      "no-skip": { type: "boolean", default: false },
    },
  });
  const scale = Number(values.scale);
  if (!Number.isInteger(scale) || scale < 1) throw new Error(`--scale must be a positive integer, got "${values.scale}"`);
  let anchor: Date | undefined;
  if (values.anchor) {
    anchor = new Date(values.anchor.length === 10 ? `${values.anchor}T00:00:00Z` : values.anchor);
    if (Number.isNaN(anchor.getTime())) throw new Error(`--anchor is not a date: "${values.anchor}"`);
  }
  return { scale, anchor, skipSeededUnits: !values["no-skip"] };
}

function printSummary(summary: SeedSummary): void {
  const names = Object.keys(summary.tables).sort();
  const width = Math.max(...names.map((n) => n.length));
  console.log("");
  console.log(`${"table".padEnd(width)}  ${"rows".padStart(10)}  ${"inserted".padStart(10)}`);
  for (const name of names) {
    console.log(
      `${name.padEnd(width)}  ${summary.tables[name]!.toLocaleString("en-US").padStart(10)}  ${(summary.inserted[name] ?? 0).toLocaleString("en-US").padStart(10)}`,
    );
  }
  const total = Object.values(summary.tables).reduce((a, b) => a + b, 0);
  const added = Object.values(summary.inserted).reduce((a, b) => a + b, 0);
  console.log(`${"total".padEnd(width)}  ${total.toLocaleString("en-US").padStart(10)}  ${added.toLocaleString("en-US").padStart(10)}`);
  console.log("");
  console.log(
    `Seeded scale ${summary.scale} (anchor ${summary.anchor.slice(0, 10)}): ${summary.unitsSeeded} unit(s) generated, ${summary.unitsSkipped} already present, in ${(summary.durationMs / 1000).toFixed(1)} s.`,
  );
}

const options = parseOptions();
const db = createClient();
console.log(`Seeding ${databaseUrl() ? "PostgreSQL (DATABASE_URL)" : "the embedded database"}...`);
try {
  const summary = await seed(db, { ...options, log: (msg) => console.log(msg) });
  printSummary(summary);
} catch (error) {
  // A locked embedded database is an expected situation: say what holds it, without a stack trace.
  console.error(error instanceof Error && error.name === "DatabaseLockedError" ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
  await closeAllPglite();
}
