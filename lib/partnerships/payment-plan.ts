/** How a partnership's compensation is split into payments when its proposal is accepted. */
export interface PlannedPayment {
  type: "initial" | "final";
  amountMinor: bigint;
  description: string;
}

const UPFRONT = /^\s*(\d{1,2}(?:\.\d{1,2})?)\s*%\s*up[\s-]?front\s*,\s*(\d{1,2}(?:\.\d{1,2})?)\s*%\s*on\s+completion\s*\.?\s*$/i;

/**
 * The payments a schedule like "30% upfront, 70% on completion" describes: an initial
 * payment for the upfront share and a final one for the rest. Anything else is one final
 * payment of the whole amount. Amounts are in minor units and always sum to the total.
 */
export function paymentPlan(totalMinor: bigint, schedule: string | null): PlannedPayment[] {
  const match = schedule ? UPFRONT.exec(schedule) : null;
  if (match) {
    const upfront = Math.round(Number(match[1]) * 100);
    const rest = Math.round(Number(match[2]) * 100);
    if (upfront > 0 && rest > 0 && upfront + rest === 10_000) {
      const initial = (totalMinor * BigInt(upfront)) / 10_000n;
      if (initial > 0n && initial < totalMinor) {
        return [
          { type: "initial", amountMinor: initial, description: `Upfront payment (${match[1]}%) on contract activation` },
          { type: "final", amountMinor: totalMinor - initial, description: `Final payment (${match[2]}%) on approval of all deliverables` },
        ];
      }
    }
  }
  return [{ type: "final", amountMinor: totalMinor, description: "Full payment on approval of all deliverables" }];
}
