/**
 * Short-lived cache of computed partner metrics. Over a large portfolio the metrics
 * aggregate hundreds of thousands of assessments; a dashboard reloading every few
 * seconds should not recompute them each time. Entries live in the database, so all
 * app instances share them.
 *
 * - Every write through the partner services deletes the partner's entries in the same
 *   transaction, so the partner's own changes show at once.
 * - Changes made elsewhere (new assessments from the learning platform) show once an
 *   entry is older than METRICS_CACHE_SECONDS (default 60): the next request still gets
 *   the previous figures while one refresh runs in the background.
 * - Concurrent requests for the same missing entry in one process share one computation.
 *
 * Endpoints that report the same quantity read the same entry, so they agree.
 */
import { getDb, Prisma, type DbTx } from "../db";

function ttlMs(): number {
  const configured = Number(process.env.METRICS_CACHE_SECONDS);
  return (Number.isFinite(configured) && configured >= 0 ? configured : 60) * 1000;
}

const inFlight = new Map<string, Promise<unknown>>();

function refresh<T>(key: string, partnerId: string | null, compute: () => Promise<T>): Promise<T> {
  const running = inFlight.get(key) as Promise<T> | undefined;
  if (running) return running;
  const work = (async () => {
    try {
      const value = await compute();
      const computedAt = new Date();
      const row = { value: value as Prisma.InputJsonValue, partnerId, computedAt, expiresAt: new Date(computedAt.getTime() + ttlMs()) };
      await getDb().metricCache.upsert({ where: { key }, create: { key, ...row }, update: row });
      return value;
    } finally {
      inFlight.delete(key);
    }
  })();
  inFlight.set(key, work);
  return work;
}

export async function cachedMetric<T>(key: string, partnerId: string | null, compute: () => Promise<T>): Promise<T> {
  if (ttlMs() === 0) return compute();
  const entry = await getDb().metricCache.findUnique({ where: { key }, select: { value: true, expiresAt: true } });
  if (!entry) return refresh(key, partnerId, compute);
  if (entry.expiresAt <= new Date()) {
    // Stale: answer with it now, refresh once in the background.
    refresh(key, partnerId, compute).catch((error: unknown) => console.error(`Refreshing ${key} failed`, error));
  }
  return entry.value as T;
}

/** Forgets a partner's cached metrics; call inside the transaction that changes their data. */
export async function invalidatePartnerMetrics(tx: DbTx, partnerId: string): Promise<void> {
  await tx.metricCache.deleteMany({ where: { partnerId } });
}
