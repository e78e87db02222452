/**
 * Starts the app for the browser tests on a database of its own: a fresh embedded
 * folder, or with DATABASE_URL a fresh `<name>_e2e` database on the same server.
 * Migrates and seeds it, builds the app (unless E2E_SKIP_BUILD is set) and serves it.
 */
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

const port = process.env.E2E_PORT ?? "8100";

// One browser-test server per checkout at a time: a second run would rebuild .next under
// the first one's feet. The lock holds the pid of the run that owns it.
const lockFile = path.resolve(".next-e2e.lock");
for (;;) {
  try {
    fs.writeFileSync(lockFile, String(process.pid), { flag: "wx" });
    break;
  } catch (error) {
    if (error.code !== "EEXIST") throw error;
    const owner = Number(fs.readFileSync(lockFile, "utf8"));
    let alive = false;
    try {
      process.kill(owner, 0);
      alive = true;
    } catch {
      // the owner is gone
    }
    if (!alive) fs.rmSync(lockFile, { force: true });
    else await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}
process.on("exit", () => {
  if (fs.readFileSync(lockFile, "utf8") === String(process.pid)) fs.rmSync(lockFile, { force: true });
});
// A production build, with the labelled sandbox payment providers switched on for the flows the tests click through.
const env = { ...process.env, NODE_ENV: "production", CHECKPOINT_DISABLE: "1", SANDBOX_PAYMENTS: "on" };

if (env.DATABASE_URL) {
  const url = new URL(env.DATABASE_URL);
  const name = `${decodeURIComponent(url.pathname.slice(1)) || "postgres"}_e2e_${port}`;
  const admin = new pg.Client({ connectionString: env.DATABASE_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  url.pathname = `/${name}`;
  env.DATABASE_URL = url.toString();
} else {
  const dir = path.resolve(`.data/e2e-${port}`);
  fs.rmSync(dir, { recursive: true, force: true });
  env.HARAMBEE_DATA_DIR = dir;
}

const run = (command, args) => execFileSync(command, args, { env, stdio: "inherit" });
run("npx", ["tsx", "scripts/db-setup.ts"]);
if (!process.env.E2E_SKIP_BUILD) run("npx", ["next", "build"]);

const server = spawn("npx", ["tsx", "server.ts"], { env: { ...env, PORT: port, HOST: "127.0.0.1" }, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
