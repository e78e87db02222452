/**
 * `npm run bench:partner`: load-tests every GET endpoint of the partner API at one
 * hundred times the demo portfolio, with the metric cache off and on.
 *
 * 1. Seeds `--scale` (default 100) into the configured database (DATABASE_URL, or the
 *    embedded one); units already present are skipped, so a second run starts at once.
 * 2. Builds the app unless BENCH_SKIP_BUILD is set, and serves it as `npm start` does
 *    (server.ts) on BENCH_PORT (8200): first with METRICS_CACHE_SECONDS=0, then 60.
 * 3. Drives each endpoint with autocannon for a fixed number of requests after a
 *    warm-up pass, one client at a time unless --connections says otherwise, and prints
 *    p50/p95/p99 latency (ms) and the requests per second that latency sustains, for both.
 *
 * `--only <text>` measures the endpoints whose path contains it; `--cache off|on` one mode.
 * Exits non-zero when an endpoint answers anything but 200, or (with --limit, default
 * 150) when a p95 with the cache off is at or over the limit.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { parseArgs } from "node:util";
import autocannon from "autocannon";

const { values } = parseArgs({
  options: {
    scale: { type: "string", default: "100" },
    requests: { type: "string", default: "400" },
    connections: { type: "string", default: "1" },
    limit: { type: "string", default: "150" },
    only: { type: "string" },
    cache: { type: "string", default: "both" },
  },
});
const port = Number(process.env.BENCH_PORT ?? 8200);
const base = `http://127.0.0.1:${port}`;
const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: "production",
  CHECKPOINT_DISABLE: "1",
  RATE_LIMIT_PER_MINUTE: "100000000",
  REPORTS_PER_MINUTE: "1000",
};
const run = (command: string, args: string[]) => execFileSync(command, args, { env, stdio: "inherit" });

console.log(`Seeding scale ${values.scale} into ${env.DATABASE_URL ? "PostgreSQL (DATABASE_URL)" : "the embedded database"}…`);
run("npx", ["tsx", "scripts/db-migrate.ts"]);
run("npx", ["tsx", "prisma/seed/index.ts", "--scale", values.scale]);
if (!process.env.BENCH_SKIP_BUILD) run("npx", ["next", "build"]);

function start(cacheSeconds: number): ChildProcess {
  return spawn("npx", ["tsx", "server.ts"], {
    env: { ...env, PORT: String(port), HOST: "127.0.0.1", METRICS_CACHE_SECONDS: String(cacheSeconds) },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
}

async function stop(server: ChildProcess) {
  try {
    process.kill(-server.pid!, "SIGTERM");
  } catch {
    return; // already gone
  }
  await new Promise((resolve) => server.once("exit", resolve));
}

async function waitForServer() {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${base}/login`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("server did not start");
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

interface Measured {
  p50: number;
  p95: number;
  p99: number;
  /** Requests per second the connections sustain, from the mean latency (autocannon's own clock ticks by the second). */
  rps: number;
  errors: number;
}

async function measure(path: string, token: string): Promise<Measured> {
  const latencies: number[] = [];
  let errors = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${base}${path}`,
        headers: { authorization: `Bearer ${token}` },
        connections: Number(values.connections),
        amount: Number(values.requests),
      },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      if (statusCode !== 200) errors++;
    });
  });
  latencies.sort((a, b) => a - b);
  return {
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    rps: (1000 * Number(values.connections)) / (latencies.reduce((sum, v) => sum + v, 0) / (latencies.length || 1)),
    errors: errors + result.errors,
  };
}

async function json<T>(path: string, token: string): Promise<T> {
  const response = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Every partner GET, with ids and download links taken from the portfolio itself. */
async function endpoints(token: string): Promise<string[]> {
  const first = async (path: string, key: string) => (await json<Record<string, Array<{ id: string }>>>(path, token))[key]![0]!.id;
  const sponsorshipId = await first("/api/v1/partner/sponsorships?limit=1", "sponsorships");
  const programId = await first("/api/v1/partner/programs?limit=1", "programs");
  const invoiceId = await first("/api/v1/partner/payments/invoices?limit=1", "invoices");
  const report = await json<{ report: { download_url: string } }>(
    "/api/v1/partner/impact/reports?format=pdf&start_date=2026-07-01&end_date=2026-09-30",
    token,
  );
  const paths = [
    "/api/v1/partner/dashboard/stats",
    "/api/v1/partner/sponsorships",
    "/api/v1/partner/sponsorships?status=active&sort_by=student_name",
    `/api/v1/partner/sponsorships/${sponsorshipId}`,
    "/api/v1/partner/sponsored-students",
    "/api/v1/partner/sponsored-students?performance=improving&grade_level=5",
    "/api/v1/partner/impact?period=quarter",
    "/api/v1/partner/impact?period=year",
    "/api/v1/partner/impact?period=all_time",
    "/api/v1/partner/impact/student-outcomes",
    "/api/v1/partner/impact/student-outcomes?subject=Mathematics",
    "/api/v1/partner/impact/reports?format=pdf&start_date=2026-07-01&end_date=2026-09-30",
    "/api/v1/partner/reports/export?format=csv&report_type=student_outcomes&start_date=2026-01-01&end_date=2026-06-30",
    report.report.download_url,
    "/api/v1/partner/programs",
    `/api/v1/partner/programs/${programId}`,
    `/api/v1/partner/programs/${programId}/targets`,
    "/api/v1/partner/payments",
    "/api/v1/partner/payments?status=completed&method=bank_transfer",
    "/api/v1/partner/payments/invoices",
    `/api/v1/partner/payments/invoices/${invoiceId}/pdf`,
  ];
  return values.only ? paths.filter((path) => path.includes(values.only!)) : paths;
}

const results = new Map<string, { off?: Measured; on?: Measured }>();
let portfolio = "";
const modes = (
  [
    ["off", 0],
    ["on", 60],
  ] as const
).filter(([mode]) => values.cache === "both" || values.cache === mode);
for (const [mode, seconds] of modes) {
  const server = start(seconds);
  try {
    await waitForServer();
    const tokenResponse = await fetch(`${base}/api/v1/auth/token`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "partner@demo.test", password: "demo-password" }),
    });
    const { access_token: token } = (await tokenResponse.json()) as { access_token: string };
    if (!portfolio) {
      const stats = await json<{ stats: Record<string, number> }>("/api/v1/partner/dashboard/stats", token);
      portfolio = `${stats.stats.total_sponsorships} sponsorships, ${stats.stats.total_students_sponsored} sponsored students`;
    }
    console.log(`Cache ${mode} (METRICS_CACHE_SECONDS=${seconds})…`);
    for (const path of await endpoints(token)) {
      await measure(path, token); // warm-up pass: JIT, connection pool, the cache when on
      const entry = results.get(path.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, "{id}")) ?? {};
      entry[mode] = await measure(path, token);
      results.set(path.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, "{id}"), entry);
    }
  } finally {
    await stop(server);
  }
}

const limit = Number(values.limit);
const cell = (m: Measured | undefined) =>
  m ? [m.p50, m.p95, m.p99].map((v) => v.toFixed(0).padStart(6)).join(" ") + m.rps.toFixed(0).padStart(7) : "".padStart(27);
console.log(`\nPortfolio: ${portfolio}. ${values.requests} requests per endpoint after a warm-up pass, ${values.connections} connections.`);
console.log(`${"".padEnd(84)} ${"cache off".padEnd(28)} ${"cache on"}`);
console.log(`${"endpoint".padEnd(84)} ${"p50    p95    p99  req/s".padStart(27)}  ${"p50    p95    p99  req/s".padStart(27)}  errors`);
let failed = false;
for (const [path, { off, on }] of results) {
  const errors = (off?.errors ?? 0) + (on?.errors ?? 0);
  const slow = off !== undefined && off.p95 >= limit;
  failed ||= errors > 0 || slow;
  console.log(`${path.padEnd(84)} ${cell(off)}  ${cell(on)} ${String(errors).padStart(7)}${slow ? `  p95 ≥ ${limit} ms` : ""}`);
}
const worst = Math.max(...[...results.values()].map((r) => r.off?.p95 ?? 0));
console.log(`\nSlowest p95 with the cache off: ${worst.toFixed(0)} ms (limit ${limit} ms).`);
process.exit(failed ? 1 : 0);
