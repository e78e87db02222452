import type { ReactNode } from "react";

/**
 * Shown wherever payments appear while a sandbox provider stands in for the real one, so
 * nobody takes a simulated payment for a real one. The default wording is for pages that
 * charge and release money; `children` (inline text) says what is simulated where that differs.
 */
export function SandboxNotice({ children }: { children?: ReactNode }) {
  return (
    <div
      role="note"
      data-testid="sandbox-notice"
      className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900"
    >
      <p className="font-semibold">Sandbox payments: no real money moves</p>
      <p className="mt-0.5">
        {children ?? "Charges and releases on this server are simulated; no card is charged and no transfer is made."}
      </p>
    </div>
  );
}
