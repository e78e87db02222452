/** Shown wherever payments appear while the sandbox provider stands in for Stripe. */
export function SandboxNotice() {
  return (
    <div role="note" data-testid="sandbox-notice" className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
      <p className="font-semibold">Sandbox payments: no real money moves</p>
      <p className="mt-0.5">Charges and releases on this server are simulated; no card is charged and no transfer is made.</p>
    </div>
  );
}
