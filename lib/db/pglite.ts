/**
 * Opens the embedded database, at most once per process and folder, under the
 * directory lock. The instance is kept on globalThis so that module reloads in
 * development reuse it instead of opening the folder twice.
 */
import { PGlite } from "@electric-sql/pglite";
import { lockDirectory, type DirectoryLock } from "./pglite-lock";

interface OpenDatabase {
  db: Promise<PGlite>;
  lock?: DirectoryLock;
}

const registry: Map<string, OpenDatabase> = ((globalThis as Record<string, unknown>).__harambeePglite ??= new Map()) as Map<
  string,
  OpenDatabase
>;

async function open(dir: string, entry: OpenDatabase): Promise<PGlite> {
  entry.lock = await lockDirectory(dir);
  try {
    const db = await PGlite.create({ dataDir: dir });
    // Prisma stores and reads timestamps as UTC.
    await db.exec("SET TIME ZONE 'UTC'");
    return db;
  } catch (error) {
    entry.lock.release();
    throw error;
  }
}

export function openPglite(dir: string): Promise<PGlite> {
  let entry = registry.get(dir);
  if (!entry) {
    entry = { db: Promise.resolve() as unknown as Promise<PGlite> };
    const created = entry;
    entry.db = open(dir, created).catch((error: unknown) => {
      registry.delete(dir);
      throw error;
    });
    registry.set(dir, entry);
  }
  return entry.db;
}

export async function closePglite(dir: string): Promise<void> {
  const entry = registry.get(dir);
  if (!entry) return;
  registry.delete(dir);
  try {
    const db = await entry.db;
    await db.close();
  } finally {
    entry.lock?.release();
  }
}

export async function closeAllPglite(): Promise<void> {
  await Promise.all([...registry.keys()].map((dir) => closePglite(dir)));
}
