/**
 * The body of every server action behind a form: count it against the acting user's
 * rate limit (the same allowance as their API calls), parse with the API's own zod
 * schema, call the service, and answer with field errors or a message instead of throwing.
 */
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { enforceRateLimit, userKey } from "../api/rate-limit";
import type { Actor } from "../auth/actor";
import { AppError } from "../errors";
import { CORRECT_FIELDS, type ActionState } from "./action-state";
import { apiFieldErrors, zodFieldErrors } from "./field-errors";

export async function runAction<S extends z.ZodType, R>(
  schema: S,
  input: unknown,
  run: (data: z.output<S>) => Promise<R>,
  options: { actor: Actor; successMessage?: string },
): Promise<ActionState<R>> {
  try {
    await enforceRateLimit(userKey(options.actor.id));
  } catch (error) {
    return actionError(error);
  }
  const parsed = schema.safeParse(input);
  if (!parsed.success) return { status: "error", message: CORRECT_FIELDS, fieldErrors: zodFieldErrors(parsed.error, input) };
  try {
    const result = await run(parsed.data);
    return { status: "success", message: options.successMessage, result };
  } catch (error) {
    return actionError(error);
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
