/** The audit row of a change asked for through a form of the app (a server action). */
import { headers } from "next/headers";
import type { Actor } from "../auth/actor";
import type { ActionState } from "../forms/action-state";
import { formTarget, type AuditTarget } from "./audit-targets";
import { clientOf, recordAuditEvent, type AuditEntry } from "./record-audit-event";

/** Long enough for any id; a value beyond it is no id and is cut. */
const MAX_TARGET_VALUE = 200;

/** The refusal as the form showed it: its message and each field's message. */
export function refusalText(answer: ActionState<unknown>): string | null {
  if (answer.status !== "error") return null;
  const fields = Object.entries(answer.fieldErrors).map(([field, message]) => `${field}: ${message}`);
  return fields.length ? `${answer.message} (${fields.join("; ")})` : answer.message;
}

/** The client of the current server action; none outside a request (scripts, tests). */
async function currentClient(): Promise<AuditEntry["client"]> {
  try {
    return clientOf(await headers());
  } catch {
    return { ipAddress: null, userAgent: null };
  }
}

export async function auditFormAction(options: {
  actor: Actor;
  action: string;
  /** Ids the action took apart from its input (the record a button acts on). */
  target?: AuditTarget;
  /** The parsed input, when it parsed. */
  data?: unknown;
  status: number;
  answer: ActionState<unknown>;
}): Promise<void> {
  // An action's arguments come from the browser as they were sent: only text is kept.
  const target = Object.fromEntries(
    Object.entries({ ...options.target, ...formTarget(options.data) }).flatMap(([key, value]: [string, unknown]) =>
      typeof value === "string" ? [[key, value.slice(0, MAX_TARGET_VALUE)]] : [],
    ),
  );
  await recordAuditEvent({
    actor: options.actor,
    channel: "app",
    action: options.action,
    target,
    status: options.status,
    error: refusalText(options.answer),
    client: await currentClient(),
  });
}
