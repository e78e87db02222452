/**
 * The time jobs run under. It is the queue's own clock (pg-boss's system clock, or a test's
 * TestClock), so a handler's "now" and the database's idea of which jobs are due agree.
 */
import type { Clock } from "pg-boss";

const state = globalThis as unknown as { __harambeeJobClock?: Pick<Clock, "now"> };

export function setJobClock(clock: Pick<Clock, "now"> | undefined): void {
  state.__harambeeJobClock = clock;
}

export function jobNow(): Date {
  return new Date(state.__harambeeJobClock?.now() ?? Date.now());
}
