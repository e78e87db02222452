import type { PaymentResponse } from "@/lib/partnerships/schemas/payments";

/** What makes a payment due, in words: "on signing", "on approval of: …", "on completion". */
export function paymentTriggerText(
  payment: Pick<PaymentResponse, "trigger" | "deliverableIds">,
  deliverables: Array<{ id: string; description: string }>,
): string {
  if (payment.trigger === "on_signing") return "On signing of the contract";
  if (payment.trigger === "on_completion") return "On completion: once every deliverable is approved";
  const names = payment.deliverableIds.map((id) => deliverables.find((d) => d.id === id)?.description ?? "a deliverable");
  return `On approval of: ${names.join("; ")}`;
}

export function PaymentTrigger({
  payment,
  deliverables,
}: {
  payment: Pick<PaymentResponse, "trigger" | "deliverableIds">;
  deliverables: Array<{ id: string; description: string }>;
}) {
  return (
    <p className="mt-1 text-sm text-slate-600" data-testid="payment-trigger" data-payment-trigger={payment.trigger}>
      {paymentTriggerText(payment, deliverables)}
    </p>
  );
}
