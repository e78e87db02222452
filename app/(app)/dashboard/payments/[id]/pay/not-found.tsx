import Link from "next/link";

export default function PaymentNotFound() {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">
      <h1 className="text-2xl font-semibold">Payment not found</h1>
      <p className="mt-2 text-slate-600">This payment does not exist, or it belongs to another partner.</p>
      <p className="mt-4">
        <Link href="/dashboard/payments" className="font-medium text-brand-700 underline-offset-2 hover:underline">
          Back to payments
        </Link>
      </p>
    </div>
  );
}
