import fs from "node:fs";
import path from "node:path";
import { configDefaults, defineConfig } from "vitest/config";

const root = import.meta.dirname;
const testFiles = ["lib/**/*.test.ts", "app/**/*.test.ts", "modules/**/*.test.ts", "prisma/**/*.test.ts", "tests/**/*.test.ts"];

// Test files that run without any database: no seeded template, no per-file copy, so the
// unit project takes seconds. Every other test file is in the database project. The
// database is the default because a database test listed here fails at once, while a
// pure test left out only runs a little slower; add a file here once it passes with
// `npx vitest run --project unit <file>`.
const unitTestFiles = [
  "lib/audit/audit-targets.test.ts",
  "lib/csv.test.ts",
  "app/api/openapi.test.ts",
  "lib/auth/password.test.ts",
  "lib/billing/amount-in-words.test.ts",
  "lib/auth/secret.test.ts",
  "lib/auth/return-path.test.ts",
  "modules/dashboard/impact/chart-axis.test.ts",
  "modules/dashboard/impact/change.test.ts",
  "modules/dashboard/counties/county-tiles.test.ts",
  "modules/workspace/proposals/proposal-diff.test.ts",
  "lib/forms/field-errors.test.ts",
  "lib/http/api-routes.test.ts",
  "lib/documents/documents.test.ts",
  "lib/partnerships/payment-plan.test.ts",
  "lib/sponsorship/report-documents.test.ts",
  "lib/standing-orders/schedule.test.ts",
  "lib/sponsorship/disbursement-calendar.test.ts",
  "lib/daraja/stk.test.ts",
  "lib/sponsorship/mpesa-result-codes.test.ts",
  "lib/uploads/upload-store.test.ts",
];
for (const file of unitTestFiles) {
  if (!fs.existsSync(path.join(root, file))) console.warn(`vitest.config.ts: unit test ${file} does not exist; update unitTestFiles.`);
}

export default defineConfig({
  resolve: { alias: { "@": root } },
  test: {
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: unitTestFiles,
          // A unit test that reaches for a database fails on this address, rather than using the developer's.
          env: { DATABASE_URL: "postgresql://unit-tests-have-no-database.invalid/none" },
        },
      },
      {
        extends: true,
        test: {
          name: "database",
          include: testFiles,
          exclude: [...configDefaults.exclude, ...unitTestFiles],
          globalSetup: ["tests/global-setup.ts"],
          setupFiles: ["tests/database-per-file.ts"],
        },
      },
    ],
  },
});
