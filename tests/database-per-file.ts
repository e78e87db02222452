/**
 * Setup file of the database test project (vitest.config.ts): gives each test file its
 * own copy of the seeded template database, and points the application's database
 * settings at it before any test code opens a connection.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, afterEach, inject } from "vitest";
import { createPostgresDatabase, dropPostgresDatabase, serverUrl, tempDataDir, uniqueSuffix } from "./test-databases";

type Template = { kind: "postgres"; url: string; name: string } | { kind: "pglite"; root: string };

const template = JSON.parse(inject("databaseTemplate")) as Template;
const originalUrl = serverUrl();
let cleanup: () => Promise<void>;

if (template.kind === "postgres") {
  const name = `${template.name.replace(/_template$/, "")}_f${uniqueSuffix()}`;
  process.env.DATABASE_URL = await createPostgresDatabase(originalUrl!, name, template.name);
  cleanup = () => dropPostgresDatabase(originalUrl!, name);
} else {
  const root = tempDataDir("file");
  fs.cpSync(path.join(template.root, "pglite"), path.join(root, "pglite"), { recursive: true });
  delete process.env.DATABASE_URL;
  process.env.HARAMBEE_DATA_DIR = root;
  cleanup = async () => fs.rmSync(root, { recursive: true, force: true });
}
// Tests sign tokens with a fixed secret rather than one written to the data folder.
process.env.AUTH_SECRET ??= "test-secret-0123456789abcdef0123456789abcdef";

// Whatever a test did, the escrow ledger still balances and agrees with the payments.
afterEach(async () => {
  const { getDb } = await import("../lib/db");
  const { checkLedger } = await import("../lib/partnerships/check-ledger");
  const { problems } = await checkLedger(getDb());
  if (problems.length) throw new Error(`The escrow ledger is broken after this test:\n${problems.join("\n")}`);
});

afterAll(async () => {
  const { disconnectDb } = await import("../lib/db");
  await disconnectDb();
  await cleanup();
});
