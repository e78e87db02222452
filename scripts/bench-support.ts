/** Pieces the benchmark scripts share. */
import type { Actor } from "../lib/auth/actor";
import { findActorByEmail } from "../lib/auth/authenticate";

/** A seeded user as the services see them. */
export async function actorNamed(email: string): Promise<Actor> {
  const actor = await findActorByEmail(email);
  if (!actor) throw new Error(`${email} is not seeded here: run npm run db:seed first`);
  return actor;
}

/** Times each operation `runs` times after one warm-up run, and prints p50/p95/max milliseconds per operation. */
export async function timeOperations(operations: Array<[string, () => Promise<unknown>]>, runs: number): Promise<void> {
  const width = Math.max(40, ...operations.map(([name]) => name.length + 2));
  console.log(`${"operation".padEnd(width)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)} ${"max ms".padStart(8)}`);
  for (const [name, run] of operations) {
    await run();
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      await run();
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(1);
    console.log(`${name.padEnd(width)} ${at(0.5).padStart(8)} ${at(0.95).padStart(8)} ${times.at(-1)!.toFixed(1).padStart(8)}`);
  }
}
