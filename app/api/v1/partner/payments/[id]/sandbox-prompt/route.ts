import { NextResponse } from "next/server";
import { v1Route } from "@/lib/api/v1-route";
import { answerSandboxPrompt, sandboxPromptBody } from "@/lib/sponsorship/answer-sandbox-prompt";

/** Sandbox payments only: the partner answers the simulated prompt (M-Pesa phone, or card payment) of their own pending payment. */
export const POST = v1Route({ roles: ["partner"], permission: "finance", body: sandboxPromptBody }, async ({ actor, body, params }) =>
  NextResponse.json(await answerSandboxPrompt({ actor, paymentId: String(params.id), action: body.action })),
);
