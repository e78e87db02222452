import { labelFor } from "@/lib/humanize";

/** A proposal's status as the reader's side reads it: a sent proposal is one the recipient has to answer. */
export function proposalStatusLabel(status: string, side: "sender" | "recipient"): string {
  if (status === "sent") return side === "recipient" ? "Awaiting your answer" : "Awaiting their answer";
  return labelFor(status);
}
