import { StatusBadge, type Tone } from "@/components/ui/status-badge";

type SponsorshipStatus = "active" | "pending" | "completed" | "cancelled";

/** A sponsorship's statuses read differently from other records': pending waits on a payment, completed is history. */
const SPONSORSHIP_TONES: Record<SponsorshipStatus, Tone> = { active: "brand", pending: "warning", completed: "info", cancelled: "neutral" };

export function SponsorshipStatusBadge({ status }: { status: SponsorshipStatus }) {
  return <StatusBadge status={status} tone={SPONSORSHIP_TONES[status]} testId="sponsorship-status" />;
}
