/** The window a named period covers for one partner: `all_time` starts when their funding of any student began. */
import { getDb } from "../db";
import { periodWindow, type Period, type Window } from "./metrics";

/** When the partner's funding of any student began (the start of `all_time`), or null. */
async function fundedSince(partnerId: string): Promise<Date | null> {
  const [row] = await getDb().$queryRaw<Array<{ since: Date | null }>>`
    SELECT MIN(funded_from) AS since FROM partner_students WHERE partner_id = ${partnerId}::uuid`;
  return row?.since ?? null;
}

/** The window of `period` ending at `now`, for the partner. */
export async function partnerWindow(partnerId: string, period: Period, now: Date): Promise<Window> {
  return periodWindow(period, now, await fundedSince(partnerId));
}
