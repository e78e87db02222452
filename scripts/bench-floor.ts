/**
 * `npm run bench:floor`: how much the app adds to the database work of two partner
 * endpoints, GET /sponsorships and GET /dashboard/stats, on PostgreSQL (DATABASE_URL).
 *
 * The floor is a bare node:http server on `pg` that does only what the request needs:
 * verifies the same bearer token with the app's own verifier, then runs the exact SQL
 * the app runs for that request (captured from one call of the app's own route handler:
 * the user lookup, the rate-limit upsert, the service's statements, with the same
 * parameters and the same concurrency) and answers the same JSON. The app is served
 * as `npm start` serves it. Both are driven in one run, alternately, and the script
 * prints each one's throughput and the ratio.
 *
 * Seed first (`npm run db:seed -- --scale 100`) and build (`npx next build`), or let
 * `npm run bench:partner` do both.
 */
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import pg from "pg";

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "10" },
    connections: { type: "string", default: "8" },
    rounds: { type: "string", default: "2" },
  },
});
if (!process.env.DATABASE_URL) throw new Error("bench:floor needs DATABASE_URL (a PostgreSQL database seeded at scale)");
const appPort = Number(process.env.BENCH_PORT ?? 8200);
const floorPort = appPort + 1;
process.env.RATE_LIMIT_PER_MINUTE = "100000000";

interface Statement {
  text: string;
  values: unknown[] | undefined;
  rowMode: string | undefined;
  types: unknown;
  started: number;
  ended: number;
}

// ── Capture: the app's SQL for one request, as the pg driver sees it ────────────────
const captured: Statement[] = [];
let capturing = false;
// The app's driver runs single statements through Pool#query.
const originalQuery = pg.Pool.prototype.query;
pg.Pool.prototype.query = function (this: pg.Pool, ...args: unknown[]) {
  const config = args[0] as { text?: string; values?: unknown[]; rowMode?: string; types?: unknown } | string;
  if (!capturing) return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
  const entry: Statement = {
    text: typeof config === "string" ? config : config.text!,
    values: typeof config === "string" ? (args[1] as unknown[] | undefined) : config.values,
    rowMode: typeof config === "string" ? undefined : config.rowMode,
    types: typeof config === "string" ? undefined : config.types,
    started: performance.now(),
    ended: Infinity,
  };
  captured.push(entry);
  const result = (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
  if (result && typeof (result as Promise<unknown>).then === "function")
    (result as Promise<unknown>).finally(() => (entry.ended = performance.now()));
  return result;
} as typeof pg.Pool.prototype.query;

const { NextRequest } = await import("next/server");
type Handler = (request: InstanceType<typeof NextRequest>, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function call(handler: Handler, path: string, token: string) {
  const response = await handler(
    new NextRequest(new URL(path, `http://127.0.0.1:${appPort}`), { headers: { authorization: `Bearer ${token}` } }),
    { params: Promise.resolve({}) },
  );
  return { status: response.status, body: (await response.json()) as unknown };
}
const { issueAccessToken, verifyAccessToken } = await import("../lib/auth/tokens");
const { getDb, disconnectDb } = await import("../lib/db");
const sponsorshipsRoute = await import("../app/api/v1/partner/sponsorships/route");
const dashboardRoute = await import("../app/api/v1/partner/dashboard/stats/route");

const user = await getDb().user.findUniqueOrThrow({ where: { email: "partner@demo.test" } });
const token = await issueAccessToken({ id: user.id, role: user.role, tokenVersion: user.tokenVersion }, 3600);

/** Statements grouped into waves: a statement joins the current wave if it began before the wave's statements had all finished. */
function waves(statements: Statement[]): Statement[][] {
  const result: Statement[][] = [];
  let current: Statement[] = [];
  let currentEnd = -Infinity;
  for (const statement of statements) {
    if (current.length && statement.started >= currentEnd) {
      result.push(current);
      current = [];
      currentEnd = -Infinity;
    }
    current.push(statement);
    currentEnd = Math.max(currentEnd, statement.ended);
  }
  if (current.length) result.push(current);
  return result;
}

interface Plan {
  path: string;
  waves: Statement[][];
  /** The answer, serialised anew for every request as the app does. */
  body: unknown;
}

async function capture(path: string, handler: Handler): Promise<Plan> {
  await call(handler, path, token); // the first call opens connections and fills module caches
  captured.length = 0;
  capturing = true;
  const result = await call(handler, path, token);
  capturing = false;
  if (result.status !== 200) throw new Error(`${path}: ${result.status} ${JSON.stringify(result.body)}`);
  const statements = captured.filter((s) => !/^(BEGIN|COMMIT|ROLLBACK)/i.test(s.text.trim()));
  if (statements.length !== captured.length) throw new Error(`${path} runs a transaction; the floor replays single statements only`);
  return { path, waves: waves(statements), body: result.body };
}

const plans = [
  await capture("/api/v1/partner/sponsorships", sponsorshipsRoute.GET),
  await capture("/api/v1/partner/dashboard/stats", dashboardRoute.GET),
];
pg.Pool.prototype.query = originalQuery;
await disconnectDb();
for (const plan of plans) {
  console.log(
    `${plan.path}: ${plan.waves.flat().length} statements in ${plan.waves.length} round trips (${plan.waves.map((w) => w.length).join("+")}), ${JSON.stringify(plan.body).length} bytes of JSON`,
  );
}

// ── The floor server ────────────────────────────────────────────────────────────────
const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
  options: "-c jit=off",
});
const byPath = new Map(plans.map((plan) => [plan.path, plan]));
let closing = false;
const floor = http.createServer(async (req, res) => {
  if (closing) {
    res.writeHead(503).end(); // requests still in flight when the last run ended
    return;
  }
  try {
    const plan = byPath.get(req.url ?? "");
    const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? "");
    const verified = match ? await verifyAccessToken(match[1]!) : null;
    if (!plan || !verified) {
      res.writeHead(plan ? 401 : 404).end();
      return;
    }
    for (const wave of plan.waves) {
      await Promise.all(
        wave.map((s) => pool.query({ text: s.text, values: s.values, rowMode: s.rowMode, types: s.types } as pg.QueryArrayConfig)),
      );
    }
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(plan.body));
  } catch (error) {
    if (!closing) console.error(error);
    res.writeHead(500).end();
  }
});
await new Promise<void>((resolve) => floor.listen(floorPort, "127.0.0.1", resolve));

// ── The app, as npm start serves it ─────────────────────────────────────────────────
const app: ChildProcess = spawn("npx", ["tsx", "server.ts"], {
  env: {
    ...process.env,
    NODE_ENV: "production",
    CHECKPOINT_DISABLE: "1",
    PORT: String(appPort),
    HOST: "127.0.0.1",
    METRICS_CACHE_SECONDS: "0",
  },
  stdio: ["ignore", "ignore", "inherit"],
  detached: true,
});
const stopApp = () => {
  try {
    process.kill(-app.pid!, "SIGTERM");
  } catch {
    // already gone
  }
};
process.on("exit", stopApp);
for (let i = 0; ; i++) {
  try {
    if ((await fetch(`http://127.0.0.1:${appPort}/login`)).ok) break;
  } catch {
    // not up yet
  }
  if (i > 240) throw new Error("the app did not start");
  await new Promise((resolve) => setTimeout(resolve, 500));
}

async function throughput(port: number, path: string, seconds: number): Promise<{ rps: number; errors: number; p95: number }> {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}${path}`,
    headers: { authorization: `Bearer ${token}` },
    connections: Number(values.connections),
    duration: seconds,
  });
  return { rps: result.requests.average, errors: result.errors + result.non2xx, p95: result.latency.p97_5 };
}

console.log(`\n${values.connections} connections, ${values.seconds} s per run, ${values.rounds} rounds, alternating app and floor\n`);
console.log(`${"endpoint".padEnd(34)} ${"app req/s".padStart(10)} ${"floor req/s".padStart(12)} ${"ratio".padStart(7)}`);
let worst = 0;
for (const plan of plans) {
  // Warm both (JIT, pools, the planner's caches) before measuring.
  await throughput(appPort, plan.path, 3);
  await throughput(floorPort, plan.path, 3);
  const appRuns: number[] = [];
  const floorRuns: number[] = [];
  for (let round = 0; round < Number(values.rounds); round++) {
    const a = await throughput(appPort, plan.path, Number(values.seconds));
    const f = await throughput(floorPort, plan.path, Number(values.seconds));
    if (a.errors || f.errors) throw new Error(`${plan.path}: ${a.errors} app errors, ${f.errors} floor errors`);
    appRuns.push(a.rps);
    floorRuns.push(f.rps);
  }
  const appRps = appRuns.reduce((x, y) => x + y, 0) / appRuns.length;
  const floorRps = floorRuns.reduce((x, y) => x + y, 0) / floorRuns.length;
  const ratio = floorRps / appRps;
  worst = Math.max(worst, ratio);
  console.log(
    `${`GET ${plan.path.replace("/api/v1/partner", "")}`.padEnd(34)} ${appRps.toFixed(0).padStart(10)} ${floorRps.toFixed(0).padStart(12)} ${`${ratio.toFixed(2)}×`.padStart(7)}`,
  );
}
console.log(`\nWorst ratio: ${worst.toFixed(2)}× (target ≤ 1.50×)`);
closing = true;
floor.close();
await pool.end();
stopApp();
process.exit(0);
