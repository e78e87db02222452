import { NotFoundPanel } from "@/components/ui/not-found-panel";

export default function PaymentNotFound() {
  return (
    <NotFoundPanel title="Payment not found" backHref="/dashboard/payments" backLabel="Back to payments">
      This payment does not exist, or it belongs to another partner.
    </NotFoundPanel>
  );
}
