import type { ActionState } from "@/lib/forms/action-state";

export function Spinner() {
  return (
    <span className="inline-block h-4 w-4 animate-spin rounded-full border-2 border-brand-600 border-t-transparent" aria-hidden="true" />
  );
}

/**
 * The progress, success or failure line under a form: how every server action's `ActionState`
 * is shown. The live region is always in the page so screen readers announce the change.
 */
export function FormStatus({
  state,
  pending,
  pendingText,
  successText,
}: {
  state: ActionState<unknown>;
  pending: boolean;
  /** Without it, progress shows on the submit button alone. */
  pendingText?: string;
  successText?: string;
}) {
  return (
    <div aria-live="polite" role="status" className="text-sm">
      {pending ? (
        pendingText ? (
          <p className="flex items-center gap-2 text-slate-600">
            <Spinner />
            {pendingText}
          </p>
        ) : null
      ) : state.status === "error" ? (
        <p className="rounded-md bg-red-50 p-3 text-red-800" data-testid="form-error">
          {state.message}
        </p>
      ) : state.status === "success" && (state.message ?? successText) ? (
        <p className="rounded-md bg-emerald-50 p-3 text-emerald-800" data-testid="form-success">
          {state.message ?? successText}
        </p>
      ) : null}
    </div>
  );
}
