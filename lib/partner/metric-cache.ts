/**
 * Short-lived cache of computed partner metrics. Over a large portfolio the metrics
 * aggregate hundreds of thousands of assessments; a dashboard reloading every few
 * seconds should not recompute them each time. Entries live in the database, so all
 * app instances share them. Every write through the partner services clears the
 * partner's entries in the same transaction; changes made elsewhere (new assessments
 * from the learning platform) show within METRICS_CACHE_SECONDS (default 60).
 *
 * Endpoints that report the same quantity read the same entry, so they agree.
 */
import { getDb, Prisma, type DbTx } from "../db";

function ttlMs(): number {
  const configured = Number(process.env.METRICS_CACHE_SECONDS);
  return (Number.isFinite(configured) && configured >= 0 ? configured : 60) * 1000;
}

export async function cachedMetric<T>(key: string, partnerId: string | null, compute: () => Promise<T>): Promise<T> {
  const ttl = ttlMs();
  if (ttl === 0) return compute();
  const db = getDb();
  const now = new Date();
  const hit = await db.metricCache.findFirst({ where: { key, expiresAt: { gt: now } }, select: { value: true } });
  if (hit) return hit.value as T;
  const value = await compute();
  const row = { value: value as Prisma.InputJsonValue, partnerId, computedAt: now, expiresAt: new Date(now.getTime() + ttl) };
  await db.metricCache.upsert({ where: { key }, create: { key, ...row }, update: row });
  return value;
}

/** Forgets a partner's cached metrics; call inside the transaction that changes their data. */
export async function invalidatePartnerMetrics(tx: DbTx, partnerId: string): Promise<void> {
  await tx.metricCache.deleteMany({ where: { partnerId } });
}
