/** The window a named period covers for one partner: `all_time` starts when their funding of any student began. */
import { getDb } from "../db";
import { periodWindow, type Period, type Window } from "./metrics";

/**
 * When the partner's funding began (the start of `all_time`), or null: their funding of
 * any student, or their first completed payment if that came first (money is paid in
 * ahead of a sponsorship that starts later).
 */
async function fundedSince(partnerId: string): Promise<Date | null> {
  const [row] = await getDb().$queryRaw<Array<{ since: Date | null }>>`
    SELECT LEAST((SELECT MIN(funded_from) FROM partner_students WHERE partner_id = ${partnerId}::uuid),
                 (SELECT MIN(completed_at) FROM payments WHERE partner_id = ${partnerId}::uuid AND status = 'completed')) AS since`;
  return row?.since ?? null;
}

/** The window of `period` ending at `now`, for the partner (never starting after it). */
export async function partnerWindow(partnerId: string, period: Period, now: Date): Promise<Window> {
  const since = await fundedSince(partnerId);
  return periodWindow(period, now, since && since.getTime() > now.getTime() ? now : since);
}
