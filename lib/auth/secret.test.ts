import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { tempDataDir } from "@/tests/test-databases";

const saved = { secret: process.env.AUTH_SECRET, dir: process.env.HARAMBEE_DATA_DIR };

afterEach(() => {
  process.env.AUTH_SECRET = saved.secret;
  process.env.HARAMBEE_DATA_DIR = saved.dir;
  vi.resetModules();
});

async function freshSecretModule() {
  vi.resetModules();
  return import("./secret");
}

describe("auth secret", () => {
  it("uses AUTH_SECRET when it is set", async () => {
    process.env.AUTH_SECRET = "configured-secret";
    expect((await freshSecretModule()).getAuthSecret()).toBe("configured-secret");
  });

  it("otherwise generates one secret into the data folder and keeps using it", async () => {
    delete process.env.AUTH_SECRET;
    const dir = tempDataDir("secret");
    process.env.HARAMBEE_DATA_DIR = dir;
    try {
      const first = (await freshSecretModule()).getAuthSecret();
      expect(first.length).toBeGreaterThanOrEqual(64);
      const file = path.join(dir, "auth-secret");
      expect(fs.readFileSync(file, "utf8")).toBe(first);
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      // A restarted process (fresh module) reads the same secret back.
      expect((await freshSecretModule()).getAuthSecret()).toBe(first);
      expect(fs.readdirSync(dir)).toEqual(["auth-secret"]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
