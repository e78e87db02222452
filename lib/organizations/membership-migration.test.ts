/**
 * The migration to organisations and memberships, on a database holding accounts made
 * before it: nothing is lost, every brand and creator gets a one-person organisation,
 * every account is its organisation's owner, and platform admins stay outside any.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createPostgresDatabase, dropPostgresDatabase, serverUrl, tempDataDir, uniqueSuffix } from "@/tests/test-databases";
import { applyMigrations, readMigrations } from "../db/migrate";
import { connectSql, type SqlConnection } from "../db/sql-connection";

const MIGRATION = "20261205100000_organization_memberships";

const BEFORE = `
INSERT INTO organizations (id, name, type, created_at) VALUES
  ('00000000-0000-4000-8000-0000000000a1', 'Elimu Bora Foundation', 'foundation', '2025-01-01');
INSERT INTO users (id, email, name, password_hash, role, organization_id, created_at, updated_at) VALUES
  ('00000000-0000-4000-8000-000000000001', 'partner@before.test', 'Wanjiru Kamau', 'x', 'partner', '00000000-0000-4000-8000-0000000000a1', '2025-01-02', '2025-01-02'),
  ('00000000-0000-4000-8000-000000000002', 'brand@before.test', 'Achieng Odhiambo', 'x', 'brand', NULL, '2025-02-01', '2025-02-01'),
  ('00000000-0000-4000-8000-000000000003', 'creator@before.test', 'Amani Wekesa', 'x', 'creator', NULL, '2025-03-01', '2025-03-01'),
  ('00000000-0000-4000-8000-000000000004', 'admin@before.test', 'Grace Njoroge', 'x', 'admin', NULL, '2025-04-01', '2025-04-01');
INSERT INTO brand_profiles (user_id, company_name) VALUES ('00000000-0000-4000-8000-000000000002', 'Savanna Beverages');
`;

async function checkMigration(conn: SqlConnection) {
  const migrations = readMigrations();
  const at = migrations.findIndex((m) => m.name === MIGRATION);
  expect(at).toBeGreaterThan(0);
  await applyMigrations(conn, migrations.slice(0, at));
  await conn.exec(BEFORE);
  expect(await applyMigrations(conn, migrations)).toContain(MIGRATION);

  const users = await conn.query<{
    email: string;
    organization: string | null;
    kind: string | null;
    type: string | null;
    role: string | null;
  }>(`
    SELECT u.email, o.name AS organization, o.kind::text AS kind, o.type::text AS type, m.role::text AS role
      FROM users u
      LEFT JOIN organizations o ON o.id = u.organization_id
      LEFT JOIN memberships m ON m.user_id = u.id AND m.organization_id = u.organization_id
     WHERE u.email LIKE '%@before.test' ORDER BY u.email`);
  expect(users).toEqual([
    { email: "admin@before.test", organization: null, kind: null, type: null, role: null },
    { email: "brand@before.test", organization: "Savanna Beverages", kind: "brand", type: "company", role: "owner" },
    { email: "creator@before.test", organization: "Amani Wekesa", kind: "creator", type: null, role: "owner" },
    { email: "partner@before.test", organization: "Elimu Bora Foundation", kind: "partner", type: "foundation", role: "owner" },
  ]);
  const [issuer] = await conn.query<{ kind: string }>(`SELECT kind::text AS kind FROM organizations WHERE issues_documents`);
  expect(issuer).toEqual({ kind: "platform" });
  const [{ n }] = await conn.query<{ n: string | number }>(`SELECT count(*) AS n FROM memberships`);
  expect(Number(n)).toBe(3);
}

describe("the organisations migration", () => {
  it("turns the accounts of an embedded database into members of organisations", async () => {
    const root = tempDataDir("org-migration");
    const conn = await connectSql({ dir: path.join(root, "pglite") });
    try {
      await checkMigration(conn);
    } finally {
      await conn.close();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it.skipIf(!serverUrl())("turns the accounts of a PostgreSQL database into members of organisations", async () => {
    const name = `harambee_orgmig_${uniqueSuffix()}`;
    const url = await createPostgresDatabase(serverUrl()!, name);
    const conn = await connectSql({ url });
    try {
      await checkMigration(conn);
    } finally {
      await conn.close();
      await dropPostgresDatabase(serverUrl()!, name);
    }
  });
});
