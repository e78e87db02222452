/**
 * Optional short-lived cache of partner figures, off unless METRICS_CACHE_SECONDS is set.
 * The figures read per-student summaries, so they cost time in proportion to the
 * partner's own students and answer well within the latency budget without it
 * (`npm run bench:partner` measures both); the cache only spares a busy deployment the
 * repeated work. Entries live in the database, so all app instances share them.
 *
 * - Every write through the partner services deletes the partner's entries and bumps the
 *   partner's generation in the same transaction, so the partner's own changes show at
 *   once. A computation that began before the write (and so may not see it) is stored
 *   only if the generation it started from is still current.
 * - Changes made elsewhere (new assessments from the learning platform) show once an
 *   entry is older than METRICS_CACHE_SECONDS: the next request still gets
 *   the previous figures while one refresh runs in the background.
 * - Concurrent requests for the same missing entry in one process share one computation.
 *
 * Endpoints that report the same quantity read the same entry, so they agree.
 */
import { getDb, Prisma, type DbTx } from "../db";

function ttlMs(): number {
  const configured = Number(process.env.METRICS_CACHE_SECONDS);
  return (Number.isFinite(configured) && configured >= 0 ? configured : 0) * 1000;
}

const inFlight = new Map<string, Promise<unknown>>();

/** The partner's write generation (0 for platform-wide metrics), its row created if missing so it can be locked. */
async function currentGeneration(partnerId: string | null): Promise<bigint> {
  if (!partnerId) return 0n;
  const [row] = await getDb().$queryRaw<Array<{ generation: bigint }>>`
    INSERT INTO metric_generations (partner_id) VALUES (${partnerId}::uuid)
    ON CONFLICT (partner_id) DO UPDATE SET generation = metric_generations.generation
    RETURNING generation`;
  return BigInt(row!.generation);
}

/**
 * Stores a computed value unless a write to the partner's data has happened since the
 * computation began. The shared lock waits for a write still in progress, and holds
 * off the next one until the value is stored (that write then deletes it).
 */
async function store(key: string, partnerId: string | null, startedAt: bigint, value: unknown): Promise<void> {
  const computedAt = new Date();
  const row = { value: value as Prisma.InputJsonValue, partnerId, computedAt, expiresAt: new Date(computedAt.getTime() + ttlMs()) };
  await getDb().$transaction(async (tx) => {
    if (partnerId) {
      const [now] = await tx.$queryRaw<Array<{ generation: bigint }>>`
        SELECT generation FROM metric_generations WHERE partner_id = ${partnerId}::uuid FOR SHARE`;
      if (!now || BigInt(now.generation) !== startedAt) return;
    }
    await tx.metricCache.upsert({ where: { key }, create: { key, ...row }, update: row });
  });
}

async function refresh<T>(key: string, partnerId: string | null, compute: () => Promise<T>): Promise<T> {
  const generation = await currentGeneration(partnerId);
  // Requests after a write never join a computation that began before it.
  const flight = `${key}@${generation}`;
  const running = inFlight.get(flight) as Promise<T> | undefined;
  if (running) return running;
  const work = (async () => {
    try {
      const value = await compute();
      await store(key, partnerId, generation, value);
      return value;
    } finally {
      inFlight.delete(flight);
    }
  })();
  inFlight.set(flight, work);
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
  await tx.$executeRaw`
    INSERT INTO metric_generations (partner_id, generation) VALUES (${partnerId}::uuid, 1)
    ON CONFLICT (partner_id) DO UPDATE SET generation = metric_generations.generation + 1`;
  await tx.metricCache.deleteMany({ where: { partnerId } });
}
