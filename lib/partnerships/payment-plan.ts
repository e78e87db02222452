/**
 * The payment plan: a proposal's payment schedule (free text, as the spec keeps it) read
 * into items, each a share of the compensation and what makes it due. The plan is checked
 * when a proposal is created, edited or countered, stored with it (proposals.payment_plan),
 * and turned into the partnership's payments when the proposal is accepted.
 *
 * Grammar (case and extra spaces do not matter; a trailing full stop is ignored). Items are
 * separated by ",", ";", "and", "then" or "and then"; each is an amount and a trigger:
 *
 *   amount   "30%" | "30 percent" | "20" | "USD 20" | "KES 1,500" | "20 USD"
 *            | "full payment" | "the whole amount" | "in full" (100%)
 *            | "rest" | "the rest" | "remainder" | "balance" | (nothing: the rest)
 *   trigger  on_signing    "upfront", "up front", "in advance", "on signing",
 *                          "on contract signature", "on signing of the contract", …
 *            on_approval   "on approval of deliverable 1", "on approval of deliverables 1 and 2"
 *            on_completion "on completion", "on delivery", "final", "at the end", …
 *
 * Amounts are major units of the proposal's currency (at most two decimals); percentages
 * have at most two decimals. An empty schedule (or none) is one final payment of the whole
 * amount on completion. Refused: anything else, percentages or amounts that do not add up
 * to the compensation (without a "rest" item), zero, negative or too small items, more
 * than one "rest", more than one payment on signing or on completion, and deliverable
 * numbers the proposal does not have.
 *
 * Rounding: percentages are computed in minor units and rounded down; the rest item, or
 * else the last percentage item, absorbs what rounding left, so items always sum exactly
 * to the total.
 */
import { AppError } from "../errors";
import { toMajor } from "../money";

export type PlanTrigger = "on_signing" | "on_approval" | "on_completion";
export type PlanPaymentType = "initial" | "milestone" | "final";

export interface PlanItem {
  /** 1-based, in the order the schedule lists the items. */
  position: number;
  type: PlanPaymentType;
  trigger: PlanTrigger;
  /** The share as written, when written as a percentage (the whole plan's single item: 100). */
  percent?: number;
  amountMinor: bigint;
  /** 1-based positions of the proposal's deliverables that must be approved for this payment. */
  deliverables: number[];
  description: string;
}

/** A schedule that cannot be read or does not add up; the message is for the person who wrote it. */
export class PaymentPlanError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PaymentPlanError";
  }
}

export interface PaymentPlanOptions {
  /** The compensation, in minor units. */
  totalMinor: bigint;
  /** The proposal's currency; amounts may name it and no other. */
  currency: string;
  /** How many deliverables the proposal has. */
  deliverableCount: number;
}

const TYPE_OF: Record<PlanTrigger, PlanPaymentType> = { on_signing: "initial", on_approval: "milestone", on_completion: "final" };

const AMOUNT = String.raw`(?:(?<pct>-?\d+(?:\.\d+)?)\s*(?:%|percent\b)|(?:(?<cur>[a-z]{3})\s*)?(?<num>-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(?:\s*(?<cur2>[a-z]{3})(?![a-z]))?|(?<full>full(?:\s+(?:payment|amount))?|(?:the\s+)?(?:whole|entire|full)\s+amount|in\s+full)|(?<rest>(?:the\s+)?(?:rest|remainder|balance|remaining\s+amount)))`;
const SIGNING = String.raw`(?<signing>up[\s-]?front|in\s+advance|(?:on|at|upon)\s+(?:the\s+)?(?:contract\s+)?(?:signing|signature)(?:\s+(?:of\s+)?the\s+contract)?)`;
const APPROVAL = String.raw`(?:on|at|upon|after)\s+(?:the\s+)?approval\s+of\s+(?:the\s+)?deliverables?\s+(?<list>#?\d+(?:\s*(?:,|and|&)\s*#?\d+)*)`;
const COMPLETION = String.raw`(?<completion>(?:on|at|upon|after)\s+(?:the\s+)?(?:final\s+)?(?:completion|delivery)(?:\s+of\s+(?:all\s+)?(?:the\s+)?(?:deliverables|work|campaign))?|final|at\s+the\s+end)`;
const SEPARATOR = String.raw`\s*(?:;|,|\band\s+then\b|\bthen\b|\band\b)\s*`;
const ITEM = new RegExp(
  String.raw`(?:${AMOUNT}\s*)?(?:(?:paid|due|payable)\s+)?(?:${SIGNING}|${APPROVAL}|${COMPLETION})(?<sep>${SEPARATOR}|\s*$)`,
  "y",
);

interface ReadItem {
  trigger: PlanTrigger;
  percentHundredths?: bigint;
  fixedMinor?: bigint;
  deliverables: number[];
  text: string;
}

const money = (minor: bigint, currency: string) => `${currency} ${toMajor(minor).toFixed(2)}`;

/** Hundredths of a decimal written with at most two decimals ("33.5" → 3350n). */
function hundredths(text: string, what: string, source: string): bigint {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text)!;
  const decimals = match[3] ?? "";
  if (decimals.length > 2) throw new PaymentPlanError(`"${source}": ${what} can have at most two decimals`);
  const value = BigInt(match[2]!) * 100n + BigInt(decimals.padEnd(2, "0") || "0");
  if (match[1] === "-" || value === 0n) throw new PaymentPlanError(`"${source}": every payment must be more than zero`);
  return value;
}

function readItems(schedule: string, options: PaymentPlanOptions): ReadItem[] {
  const text = schedule
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[.\s]+$/, "");
  const items: ReadItem[] = [];
  let cursor = 0;
  while (cursor < text.length) {
    ITEM.lastIndex = cursor;
    const match = ITEM.exec(text);
    if (!match || match[0].length === 0) {
      const at = text.slice(cursor).split(/[,;]/)[0]!.trim() || text;
      throw new PaymentPlanError(
        `Cannot read "${at}". Write items such as "30% upfront, 70% on completion", "USD 20 on signing, rest on completion" or "25% on signing; 25% on approval of deliverable 1; 50% on completion"`,
      );
    }
    const g = match.groups!;
    const source = match[0].slice(0, match[0].length - g.sep!.length).trim();
    const item: ReadItem = {
      trigger: g.signing ? "on_signing" : g.completion ? "on_completion" : "on_approval",
      deliverables: [],
      text: source,
    };
    if (g.full !== undefined) {
      item.percentHundredths = 10_000n;
    } else if (g.pct !== undefined) {
      item.percentHundredths = hundredths(g.pct, "a percentage", source);
      if (item.percentHundredths > 10_000n) throw new PaymentPlanError(`"${source}": a percentage cannot be more than 100%`);
    } else if (g.num !== undefined) {
      for (const code of [g.cur, g.cur2]) {
        if (code !== undefined && code.toUpperCase() !== options.currency.toUpperCase()) {
          throw new PaymentPlanError(`"${source}": amounts must be in the proposal's currency, ${options.currency.toUpperCase()}`);
        }
      }
      item.fixedMinor = hundredths(g.num.replaceAll(",", ""), "an amount", source);
    }
    if (g.list !== undefined) {
      const positions = [...new Set(g.list.match(/\d+/g)!.map(Number))];
      for (const position of positions) {
        if (position < 1 || position > options.deliverableCount) {
          throw new PaymentPlanError(
            `"${source}": there is no deliverable ${position}; the proposal has ${options.deliverableCount === 1 ? "1 deliverable" : `deliverables 1 to ${options.deliverableCount}`}`,
          );
        }
      }
      item.deliverables = positions.sort((a, b) => a - b);
    }
    items.push(item);
    cursor = match.index + match[0].length;
    // A separator must be followed by another item.
    if (g.sep!.trim() !== "" && cursor >= text.length) throw new PaymentPlanError(`"${text}": the schedule ends with a separator`);
  }
  return items;
}

function listed(positions: number[]): string {
  if (positions.length === 1) return `deliverable ${positions[0]}`;
  return `deliverables ${positions.slice(0, -1).join(", ")} and ${positions[positions.length - 1]}`;
}

function describe(item: Omit<PlanItem, "description">, share: string): string {
  const when =
    item.trigger === "on_signing"
      ? "on signing of the contract"
      : item.trigger === "on_approval"
        ? `on approval of ${listed(item.deliverables)}`
        : "on approval of all deliverables";
  const sentence = `${share} ${when}`;
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

/**
 * The items a schedule describes, in minor units that sum to the total. Throws
 * PaymentPlanError for a schedule it refuses.
 */
export function parsePaymentPlan(schedule: string | null | undefined, options: PaymentPlanOptions): PlanItem[] {
  const { totalMinor, currency } = options;
  const all = Array.from({ length: options.deliverableCount }, (_, i) => i + 1);
  const read = schedule && schedule.trim() !== "" ? readItems(schedule, options) : [];
  if (read.length === 0) read.push({ trigger: "on_completion", deliverables: [], text: "" });

  for (const trigger of ["on_signing", "on_completion"] as const) {
    if (read.filter((item) => item.trigger === trigger).length > 1) {
      throw new PaymentPlanError(`Only one payment can be due ${trigger === "on_signing" ? "on signing" : "on completion"}`);
    }
  }
  const rests = read.filter((item) => item.percentHundredths === undefined && item.fixedMinor === undefined);
  if (rests.length > 1) throw new PaymentPlanError(`Only one item can take the rest; give the others an amount or a percentage`);

  const shareOf = (item: ReadItem) =>
    item.percentHundredths !== undefined
      ? (totalMinor * item.percentHundredths) / 10_000n
      : item.fixedMinor !== undefined
        ? item.fixedMinor
        : 0n;
  const amounts = read.map(shareOf);
  // Exact sums, in hundredths of a minor unit times 100, so that rounding cannot hide a mismatch.
  const fixedSum = read.reduce((sum, item) => sum + (item.fixedMinor ?? 0n), 0n);
  const percentSum = read.reduce((sum, item) => sum + (item.percentHundredths ?? 0n), 0n);
  const exact = fixedSum * 10_000n + totalMinor * percentSum;
  const onlyPercentages = read.every((item) => item.percentHundredths !== undefined);
  const percentText = (h: bigint) => `${toMajor(h)}%`;

  if (rests.length === 0) {
    if (exact !== totalMinor * 10_000n) {
      throw new PaymentPlanError(
        onlyPercentages
          ? `The percentages add up to ${percentText(percentSum)}, not 100%`
          : `The items add up to ${money(exact / 10_000n, currency)}, not the compensation of ${money(totalMinor, currency)}`,
      );
    }
    const lastPercent = read.map((item) => item.percentHundredths !== undefined).lastIndexOf(true);
    if (lastPercent >= 0) amounts[lastPercent] = totalMinor - amounts.reduce((sum, a, i) => (i === lastPercent ? sum : sum + a), 0n);
  } else {
    if (exact >= totalMinor * 10_000n) {
      throw new PaymentPlanError(
        `Nothing is left for "${rests[0]!.text || "the rest"}": the other items already come to ${onlyPercentages || fixedSum === 0n ? percentText(percentSum) : money(exact / 10_000n, currency)} of ${money(totalMinor, currency)}`,
      );
    }
    const restIndex = read.indexOf(rests[0]!);
    amounts[restIndex] = totalMinor - amounts.reduce((sum, a) => sum + a, 0n);
  }
  read.forEach((item, i) => {
    if (amounts[i]! <= 0n)
      throw new PaymentPlanError(`"${item.text}" comes to less than ${money(1n, currency)} of ${money(totalMinor, currency)}`);
  });

  return read.map((item, i) => {
    const percent = item.percentHundredths !== undefined ? toMajor(item.percentHundredths) : read.length === 1 ? 100 : undefined;
    const base = {
      position: i + 1,
      type: TYPE_OF[item.trigger],
      trigger: item.trigger,
      ...(percent !== undefined ? { percent } : {}),
      amountMinor: amounts[i]!,
      deliverables: item.trigger === "on_completion" ? all : item.deliverables,
    };
    const share =
      read.length === 1
        ? "full payment"
        : item.percentHundredths !== undefined
          ? `${percent}%`
          : item.fixedMinor !== undefined
            ? money(item.fixedMinor, currency)
            : `rest (${money(amounts[i]!, currency)})`;
    return { ...base, description: describe(base, share) };
  });
}

/** The field error the APIs answer for a schedule the plan refuses. */
export const SCHEDULE_PATH = "body.compensation.paymentSchedule";

/** parsePaymentPlan, with a refusal as 400 invalid_request naming the schedule field. */
export function checkedPaymentPlan(schedule: string | null | undefined, options: PaymentPlanOptions): PlanItem[] {
  try {
    return parsePaymentPlan(schedule, options);
  } catch (error) {
    if (!(error instanceof PaymentPlanError)) throw error;
    throw new AppError("invalid_request", `Invalid payment schedule: ${error.message}`, {
      fields: [{ path: SCHEDULE_PATH, message: error.message, type: "value_error.payment_schedule" }],
    });
  }
}

/**
 * The plan as stored in proposals.payment_plan and partnerships.payment_plan: amounts as
 * decimal strings of minor units (exact, where JSON numbers are not), percent null when
 * the item was not given as a percentage.
 */
export interface StoredPlanItem {
  position: number;
  type: PlanPaymentType;
  trigger: PlanTrigger;
  percent: number | null;
  amountMinor: string;
  deliverables: number[];
  description: string;
}

export function planJson(items: PlanItem[]): StoredPlanItem[] {
  return items.map((item) => ({
    position: item.position,
    type: item.type,
    trigger: item.trigger,
    percent: item.percent ?? null,
    amountMinor: item.amountMinor.toString(),
    deliverables: item.deliverables,
    description: item.description,
  }));
}

const TRIGGERS = new Set<string>(["on_signing", "on_approval", "on_completion"]);

/** A stored plan read back; null when there is none (or it is not one). */
export function planFromJson(value: unknown): PlanItem[] | null {
  if (!Array.isArray(value) || value.length === 0) return null;
  const items: PlanItem[] = [];
  for (const raw of value) {
    const v = (raw ?? {}) as Record<string, unknown>;
    if (typeof v.trigger !== "string" || !TRIGGERS.has(v.trigger) || typeof v.amountMinor !== "string" || !/^\d+$/.test(v.amountMinor)) {
      return null;
    }
    const trigger = v.trigger as PlanTrigger;
    items.push({
      position: Number(v.position),
      type: TYPE_OF[trigger],
      trigger,
      ...(typeof v.percent === "number" ? { percent: v.percent } : {}),
      amountMinor: BigInt(v.amountMinor),
      deliverables: Array.isArray(v.deliverables) ? v.deliverables.map(Number) : [],
      description: String(v.description ?? ""),
    });
  }
  return items;
}

/** A plan item as the APIs show it: the amount in major units. */
export interface PlanItemView {
  position: number;
  type: PlanPaymentType;
  trigger: PlanTrigger;
  percent: number | null;
  amount: number;
  deliverables: number[];
  description: string;
}

export function planView(items: PlanItem[] | null): PlanItemView[] | null {
  return (
    items?.map((item) => ({
      position: item.position,
      type: item.type,
      trigger: item.trigger,
      percent: item.percent ?? null,
      amount: toMajor(item.amountMinor),
      deliverables: item.deliverables,
      description: item.description,
    })) ?? null
  );
}
