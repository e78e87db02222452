/**
 * The body of every server action behind a form: count it against the acting user's
 * rate limit (the same allowance as their API calls), parse with the API's own zod
 * schema, call the service, and answer with field errors or a message instead of throwing.
 * Every answer is recorded in the audit log as the action named by `action`.
 */
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { enforceRateLimit, userKey } from "../api/rate-limit";
import type { Actor } from "../auth/actor";
import { auditFormAction } from "../audit/audit-form-action";
import type { AuditTarget } from "../audit/audit-targets";
import { AppError } from "../errors";
import { CORRECT_FIELDS, type ActionState } from "./action-state";
import { apiFieldErrors, zodFieldErrors } from "./field-errors";

export interface RunActionOptions {
  actor: Actor;
  /** What the form does, as the audit log names it: noun.verb ("proposal.send", "member.change-role"). */
  action: string;
  /** Ids the action takes apart from its input (the record a button acts on); the input's own ids are added. */
  target?: AuditTarget;
  successMessage?: string;
}

export async function runAction<S extends z.ZodType, R>(
  schema: S,
  input: unknown,
  run: (data: z.output<S>) => Promise<R>,
  options: RunActionOptions,
): Promise<ActionState<R>> {
  const answer = async <A extends ActionState<R>>(result: A, status: number, data?: unknown): Promise<A> => {
    await auditFormAction({ actor: options.actor, action: options.action, target: options.target, data, status, answer: result });
    return result;
  };
  const refuse = (error: unknown, data?: unknown) => answer(actionError(error), error instanceof AppError ? error.status : 500, data);
  try {
    await enforceRateLimit(userKey(options.actor.id));
  } catch (error) {
    return refuse(error);
  }
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    return answer({ status: "error", message: CORRECT_FIELDS, fieldErrors: zodFieldErrors(parsed.error, input) }, 422);
  }
  try {
    const result = await run(parsed.data);
    return answer({ status: "success", message: options.successMessage, result }, 200, parsed.data);
  } catch (error) {
    return refuse(error, parsed.data);
  }
}

/** Maps a thrown error to a form answer; redirects and not-found still propagate. */
export function actionError(error: unknown): ActionState<never> {
  unstable_rethrow(error);
  if (error instanceof AppError) {
    const fieldErrors = apiFieldErrors(error.details?.fields);
    const message = Object.keys(fieldErrors).length > 0 ? CORRECT_FIELDS : error.message;
    return { status: "error", message, fieldErrors };
  }
  console.error(error);
  return { status: "error", message: "Something went wrong on our side. Nothing was changed; please try again.", fieldErrors: {} };
}
