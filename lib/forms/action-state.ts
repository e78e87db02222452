import type { FieldErrors } from "./field-errors";

/** What a server action answers a form with: success with a result, or a message and field errors. */
export type ActionState<R = undefined> =
  { status: "idle" } | { status: "success"; message?: string; result: R } | { status: "error"; message: string; fieldErrors: FieldErrors };

export const IDLE: ActionState<never> = { status: "idle" };

export const CORRECT_FIELDS = "Please correct the highlighted fields.";
