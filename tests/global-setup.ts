/**
 * Global setup of the database test project (vitest.config.ts): builds the seeded
 * template database that every test file copies (see test-databases.ts), migrated by
 * the same runner as every other entry point (lib/db/migrate.ts), and removes it when
 * the run ends.
 */
import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { createPostgresDatabase, databaseName, dropPostgresDatabase, serverUrl, tempDataDir, uniqueSuffix } from "./test-databases";

export default async function setup(project: TestProject) {
  const started = Date.now();
  const url = serverUrl();
  const { migrate } = await import("../lib/db/migrate");
  const { createClient } = await import("../lib/db");
  const { closeAllPglite } = await import("../lib/db/pglite");
  const { seed } = await import("../prisma/seed/seed");

  let template: { kind: "postgres"; url: string; name: string } | { kind: "pglite"; root: string };
  if (url) {
    // Unique per run, so that concurrent runs against one server do not drop each other's template.
    const name = `${databaseName(url)}_${uniqueSuffix()}_template`;
    template = { kind: "postgres", url: await createPostgresDatabase(url, name), name };
  } else {
    template = { kind: "pglite", root: tempDataDir("template") };
  }
  const target = template.kind === "postgres" ? { url: template.url } : { dir: path.join(template.root, "pglite") };

  await migrate(target);
  const db = createClient(target);
  await seed(db, {});
  await db.$disconnect();
  await closeAllPglite();

  project.provide("databaseTemplate", JSON.stringify(template));
  console.log(`Test template database (${template.kind}) ready in ${((Date.now() - started) / 1000).toFixed(1)}s`);

  return async () => {
    if (template.kind === "postgres") await dropPostgresDatabase(url!, template.name);
    else fs.rmSync(template.root, { recursive: true, force: true });
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseTemplate: string;
  }
}
