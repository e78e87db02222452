"use client";

import { useActionState } from "react";
import { verifyPaymentAction, type VerifyResult } from "@/app/(app)/admin/actions";
import { Button } from "@/components/ui/button";

export function VerifyButtons({ paymentId, reference }: { paymentId: string; reference: string }) {
  const [result, action, pending] = useActionState<VerifyResult | null, FormData>(verifyPaymentAction, null);
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="paymentId" value={paymentId} />
      <Button type="submit" name="outcome" value="completed" disabled={pending} aria-label={`Mark ${reference} received`}>
        {pending ? "Saving…" : "Mark received"}
      </Button>
      <Button type="submit" name="outcome" value="failed" variant="secondary" disabled={pending} aria-label={`Mark ${reference} failed`}>
        Mark failed
      </Button>
      {result ? (
        <p role="status" className={result.ok ? "text-sm text-brand-700" : "text-sm text-red-700"}>
          {result.message}
        </p>
      ) : null}
    </form>
  );
}
