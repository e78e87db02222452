/**
 * The queue instance this process runs, if any. Kept apart from boss.ts, and importing pg-boss
 * for its types only, so the code the route handlers load (which only queues jobs) does not
 * bundle the queue itself.
 */
import type { PgBoss } from "pg-boss";

export interface BossEntry {
  started: Promise<PgBoss>;
  /** Set once start() finished; until then nothing may send through it. */
  ready: PgBoss | null;
}

const state = globalThis as unknown as { __harambeeBoss?: BossEntry };

export function bossEntry(): BossEntry | undefined {
  return state.__harambeeBoss;
}

export function setBossEntry(entry: BossEntry | undefined): void {
  state.__harambeeBoss = entry;
}

/** The started queue of this process, or null when none runs here (the sweeps then find the work). */
export function runningBoss(): PgBoss | null {
  return state.__harambeeBoss?.ready ?? null;
}
