import { LocalDate } from "@/components/ui/local-date";
import type { PartnershipResponse } from "@/lib/partnerships/schemas/partnerships";

/** Ended partnerships say when, by whose hand and why. */
export function TerminatedBanner({ partnership }: { partnership: PartnershipResponse }) {
  if (partnership.status !== "terminated") return null;
  return (
    <div
      role="status"
      data-testid="partnership-terminated"
      className="rounded-lg border border-rose-300 bg-rose-50 px-4 py-3 text-rose-900"
    >
      <p className="font-semibold">Ended</p>
      <p className="mt-0.5 text-sm">
        {partnership.terminationReason ? `Reason: ${partnership.terminationReason}` : "This partnership was ended."}
        {partnership.terminatedAt ? (
          <>
            {" "}
            (<LocalDate value={partnership.terminatedAt} time />)
          </>
        ) : null}
      </p>
    </div>
  );
}
