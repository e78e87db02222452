/**
 * Serves the app: `npm run dev` and `npm start` run this file. It is Next.js's own
 * request handler behind a thin front (lib/http/edge.ts) that decides the client's
 * address and the public origin and sets the security headers, which a route handler
 * cannot do: Next.js passes a client's X-Forwarded-For through as if it were the peer.
 */
import { createServer } from "node:http";
import path from "node:path";
import next from "next";
import { directApiRoutes } from "./lib/http/api-routes";
import { applyEdge } from "./lib/http/edge";
import { startWorker, stopWorker, workerEnabled } from "./lib/jobs/start-worker";

const development = process.env.NODE_ENV !== "production";
const port = Number(process.env.PORT ?? 8000);
const hostname = process.env.HOST || undefined;

const app = next({ dev: development, hostname: hostname ?? "localhost", port });
const handle = app.getRequestHandler();
await app.prepare();

// In production, API requests go straight to their compiled route handlers (lib/http/api-routes.ts).
const serveApi = development ? null : await directApiRoutes(path.resolve(import.meta.dirname, ".next"));

const server = createServer((req, res) => {
  if (!applyEdge(req, res, { port, development })) return;
  const pathname = (req.url ?? "/").split("?")[0]!;
  (async () => {
    if (serveApi && (await serveApi(req, res, pathname))) return;
    await handle(req, res);
  })().catch((error: unknown) => {
    console.error(error);
    if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
    res.end("Internal server error\n");
  });
});
const upgrade = app.getUpgradeHandler();
server.on("upgrade", (req, socket, head) => {
  upgrade(req, socket, head).catch(() => socket.destroy());
});
// Bounds how long a slow client may hold a connection with an unfinished request.
server.requestTimeout = 60_000;
server.headersTimeout = 20_000;
server.listen(port, hostname, () => {
  console.log(`> Harambee ${development ? "(development) " : ""}at http://${hostname ?? "localhost"}:${port}`);
});

// The job workers (payouts, review deadlines) run in this process unless WORKER=off says a
// separate `npm run worker` does (PostgreSQL only: the embedded database is single-process).
// With WORKER=off the app queues nothing itself; the worker's sweeps find the work each minute.
if (workerEnabled()) {
  await startWorker();
  console.log("> Job workers running in this process (WORKER=off to run them with npm run worker)");
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    server.close();
    stopWorker({ timeout: 10_000 })
      .catch((error: unknown) => console.error(error))
      .then(() => app.close())
      .finally(() => process.exit(0));
  });
}
