/** A second process cannot open an embedded database folder that another holds. */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { tempDataDir } from "@/tests/test-databases";
import { closePglite, openPglite } from "./pglite";
import { DatabaseLockedError } from "./pglite-lock";

const children: ChildProcess[] = [];

function holdInChild(dir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", path.resolve("tests/fixtures/hold-pglite.ts"), dir], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let stderr = "";
    child.stderr!.on("data", (chunk) => (stderr += chunk));
    child.stdout!.on("data", (chunk) => String(chunk).includes("ready") && resolve(child));
    child.on("exit", (code) => reject(new Error(`holder exited with ${code}: ${stderr}`)));
  });
}

function killed(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill(signal);
  });
}

afterEach(() => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
});

describe("embedded database lock", () => {
  it("refuses a second process, naming the one that holds the folder, and frees it when that process dies", async () => {
    const root = tempDataDir("lock");
    const dir = path.join(root, "pglite");
    try {
      const holder = await holdInChild(dir);

      const error = await openPglite(dir).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DatabaseLockedError);
      expect((error as DatabaseLockedError).owner?.pid).toBe(holder.pid);
      expect((error as Error).message).toContain(`in use by process ${holder.pid}`);
      expect((error as Error).message).toContain("tests/fixtures/hold-pglite.ts");

      // Killed without any chance to clean up: the lock goes with the process.
      await killed(holder, "SIGKILL");
      const db = await openPglite(dir);
      const rows = await db.query<{ note: string }>("SELECT note FROM lock_probe");
      expect(rows.rows).toEqual([{ note: `written by ${holder.pid}` }]);
      await db.query("INSERT INTO lock_probe (note) VALUES ('after')");
      await closePglite(dir);

      // And while this process holds it, a child is refused in turn.
      await openPglite(dir);
      await expect(holdInChild(dir)).rejects.toThrow(/in use by process \d+/);
      await closePglite(dir);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it("opens a folder once per process however often it is asked", async () => {
    const root = tempDataDir("lock-same");
    const dir = path.join(root, "pglite");
    try {
      const [a, b] = await Promise.all([openPglite(dir), openPglite(dir)]);
      expect(a).toBe(b);
      await closePglite(dir);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
