/**
 * Test databases. The database test project seeds one template database per run (global
 * setup); each of its test files then works on its own copy, so files run in parallel
 * without seeing each other's writes. With DATABASE_URL the copies are PostgreSQL
 * databases created from the template; without it they are copies of an embedded
 * PGlite folder.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export function serverUrl(): string | undefined {
  return process.env.DATABASE_URL?.trim() || undefined;
}

/** The same server URL pointing at another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1)) || "postgres";
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Runs statements on the server's maintenance connection (the database in `url`). */
export async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function createPostgresDatabase(url: string, name: string, template?: string): Promise<string> {
  await adminQuery(url, `DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`);
  await adminQuery(url, `CREATE DATABASE ${quote(name)}${template ? ` TEMPLATE ${quote(template)}` : ""}`);
  return withDatabase(url, name);
}

export async function dropPostgresDatabase(url: string, name: string): Promise<void> {
  await adminQuery(url, `DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`);
}

export function uniqueSuffix(): string {
  return `${process.pid}_${crypto.randomBytes(4).toString("hex")}`;
}

/** A fresh, empty folder to use as HARAMBEE_DATA_DIR. */
export function tempDataDir(label: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `harambee-${label}-`));
}
