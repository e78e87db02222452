"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { useFormAction } from "@/lib/forms/use-form-action";
import { changeStandingOrderAction, type StandingOrderChange } from "@/modules/dashboard/standing-orders/actions";

const CONFIRM: Record<StandingOrderChange, { button: string; question: string; yes: string }> = {
  pause: {
    button: "Pause",
    question: "Pause this standing order? Nothing is charged and no retry is made until you resume it.",
    yes: "Yes, pause it",
  },
  resume: {
    button: "Resume",
    question: "Resume this standing order? It falls due again from its next due date on or after today; missed periods are not charged.",
    yes: "Yes, resume it",
  },
  cancel: {
    button: "Cancel standing order",
    question: "Cancel this standing order? Nothing is charged again, and this cannot be undone.",
    yes: "Yes, cancel it",
  },
};

/** Pause, resume and cancel buttons, each asking for confirmation first. */
export function StandingOrderControls({ standingOrderId, status }: { standingOrderId: string; status: string }) {
  const [asking, setAsking] = useState<StandingOrderChange | null>(null);
  const { state, pending, submit } = useFormAction((change: StandingOrderChange) => changeStandingOrderAction(standingOrderId, change), {
    onSuccess: () => setAsking(null),
  });
  const available: StandingOrderChange[] = status === "active" ? ["pause", "cancel"] : status === "paused" ? ["resume", "cancel"] : [];
  if (available.length === 0) return null;

  return (
    <section aria-labelledby="standing-order-actions-heading" className="space-y-3">
      <h2 id="standing-order-actions-heading" className="sr-only">
        Change this standing order
      </h2>
      {asking ? (
        <div
          role="group"
          aria-labelledby="confirm-question"
          className="rounded-md border border-amber-300 bg-amber-50 p-4"
          data-testid="confirm-change"
        >
          <p id="confirm-question" className="text-sm font-medium text-amber-900">
            {CONFIRM[asking].question}
          </p>
          <div className="mt-3 flex flex-wrap gap-2">
            <Button type="button" variant={asking === "cancel" ? "danger" : "primary"} disabled={pending} onClick={() => submit(asking)}>
              {CONFIRM[asking].yes}
            </Button>
            <Button type="button" variant="secondary" disabled={pending} onClick={() => setAsking(null)}>
              Keep it as it is
            </Button>
          </div>
        </div>
      ) : (
        <div className="flex flex-wrap gap-2">
          {available.map((change) => (
            <Button key={change} type="button" variant={change === "cancel" ? "secondary" : "primary"} onClick={() => setAsking(change)}>
              {CONFIRM[change].button}
            </Button>
          ))}
        </div>
      )}
      <FormStatus state={state} pending={pending} pendingText="Saving…" />
    </section>
  );
}
