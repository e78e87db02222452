import { StatusBadge } from "@/components/ui/status-badge";
import type { PartnershipListItem } from "@/lib/partnerships/schemas/partnerships";

type Status = PartnershipListItem["status"];
type ContractStatus = PartnershipListItem["contractStatus"];

/**
 * The partnership's status as people read it: an active partnership is not in force
 * until its contract is signed by both parties, so it says what it is waiting for.
 */
export function partnershipStatusLabel(status: Status, contractStatus: ContractStatus): { label?: string; waiting: boolean } {
  if (status !== "active" || contractStatus === "active") return { waiting: false };
  if (contractStatus === null || contractStatus === "draft") return { label: "Awaiting contract", waiting: true };
  return { label: "Awaiting signatures", waiting: true };
}

export function PartnershipStatusBadge({
  status,
  contractStatus,
  testId,
}: {
  status: Status;
  contractStatus: ContractStatus;
  testId?: string;
}) {
  const { label, waiting } = partnershipStatusLabel(status, contractStatus);
  return <StatusBadge status={status} label={label} tone={waiting ? "warning" : undefined} testId={testId} />;
}
