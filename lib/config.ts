/**
 * Runtime configuration, read from the environment once. Every setting has a default
 * that works on a fresh machine with nothing configured.
 */
import path from "node:path";

export const projectRoot = process.env.HARAMBEE_ROOT ?? process.cwd();

/** Folder for the embedded database, the generated auth secret and other local state. */
export function dataDir(): string {
  return path.resolve(projectRoot, process.env.HARAMBEE_DATA_DIR ?? ".data");
}

/** PostgreSQL server URL; when unset the embedded database in the data folder is used. */
export function databaseUrl(): string | undefined {
  const url = process.env.DATABASE_URL?.trim();
  return url ? url : undefined;
}

export function pgliteDir(): string {
  return path.join(dataDir(), "pglite");
}
