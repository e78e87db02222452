/**
 * `npm run bench:partner`: load-tests every GET endpoint of the partner API at one
 * hundred times the demo portfolio.
 *
 * 1. Seeds `--scale` (default 100) into the configured database (DATABASE_URL, or the
 *    embedded one); units already present are skipped, so a second run starts at once.
 * 2. Builds the app unless BENCH_SKIP_BUILD is set, and starts it on BENCH_PORT (8200).
 * 3. Drives each endpoint with autocannon for a fixed number of requests and prints
 *    p50/p95/p99 latency and requests per second.
 */
import { execFileSync, spawn } from "node:child_process";
import { parseArgs } from "node:util";
import autocannon from "autocannon";

const { values } = parseArgs({
  options: {
    scale: { type: "string", default: "100" },
    requests: { type: "string", default: "400" },
    connections: { type: "string", default: "4" },
  },
});
const port = Number(process.env.BENCH_PORT ?? 8200);
const base = `http://127.0.0.1:${port}`;
const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", CHECKPOINT_DISABLE: "1", RATE_LIMIT_PER_MINUTE: "100000000" };
const run = (command: string, args: string[]) => execFileSync(command, args, { env, stdio: "inherit" });

console.log(`Seeding scale ${values.scale} into ${env.DATABASE_URL ? "PostgreSQL (DATABASE_URL)" : "the embedded database"}…`);
run("npx", ["tsx", "scripts/db-migrate.ts"]);
run("npx", ["tsx", "prisma/seed/index.ts", "--scale", values.scale]);
if (!process.env.BENCH_SKIP_BUILD) run("npx", ["next", "build"]);

const server = spawn("npx", ["next", "start", "-p", String(port), "-H", "127.0.0.1"], { env, stdio: ["ignore", "ignore", "inherit"], detached: true });
const stopServer = () => {
  try {
    process.kill(-server.pid!, "SIGTERM");
  } catch {
    // already gone
  }
};
process.on("exit", stopServer);

async function waitForServer() {
  for (let i = 0; i < 120; i++) {
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
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function measure(path: string, token: string) {
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
    path,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    rps: result.requests.total / (result.duration || 1),
    errors: errors + result.errors,
  };
}

try {
  await waitForServer();
  const tokenResponse = await fetch(`${base}/api/v1/auth/token`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "partner@demo.test", password: "demo-password" }),
  });
  const { access_token: token } = (await tokenResponse.json()) as { access_token: string };
  const auth = { authorization: `Bearer ${token}` };
  const first = async (path: string, key: string) => ((await (await fetch(`${base}${path}`, { headers: auth })).json()) as Record<string, Array<{ id: string }>>)[key][0].id;
  const sponsorshipId = await first("/api/v1/partner/sponsorships?limit=1", "sponsorships");
  const programId = await first("/api/v1/partner/programs?limit=1", "programs");
  const stats = (await (await fetch(`${base}/api/v1/partner/dashboard/stats`, { headers: auth })).json()) as { stats: Record<string, number> };
  console.log(`\nPortfolio: ${stats.stats.total_sponsorships} sponsorships, ${stats.stats.total_students_sponsored} sponsored students.`);

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
    "/api/v1/partner/programs",
    `/api/v1/partner/programs/${programId}`,
    "/api/v1/partner/payments",
    "/api/v1/partner/payments?status=completed&method=bank_transfer",
    "/api/v1/partner/payments/invoices",
  ];
  console.log(`${values.requests} requests per endpoint, ${values.connections} connections\n`);
  console.log(`${"endpoint".padEnd(72)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)} ${"p99 ms".padStart(8)} ${"req/s".padStart(8)} ${"errors".padStart(7)}`);
  for (const path of paths) {
    await measure(path, token); // warm-up pass: caches, JIT, connection pool
    const r = await measure(path, token);
    const shown = path.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/, "{id}");
    console.log(`${shown.padEnd(72)} ${String(r.p50).padStart(8)} ${String(r.p95).padStart(8)} ${String(r.p99).padStart(8)} ${r.rps.toFixed(1).padStart(8)} ${String(r.errors).padStart(7)}`);
  }
} finally {
  stopServer();
}
process.exit(0);
