"use server";

import { headers } from "next/headers";
import { z } from "zod";
import type { ActionState } from "@/lib/forms/action-state";
import { runAction } from "@/lib/forms/run-action";
import { clientAddressOf } from "@/lib/http/client-address";
import { requirePageActor } from "@/lib/auth/page-guard";
import { generateContractBody, rejectContractBody, signContractBody } from "@/lib/partnerships/schemas/contracts";
import { generateContract } from "@/lib/partnerships/generate-contract";
import { rejectContract } from "@/lib/partnerships/reject-contract";
import { sendContract } from "@/lib/partnerships/send-contract";
import { signContract } from "@/lib/partnerships/sign-contract";
import {
  approveDeliverableBody,
  deliverableCommentBody,
  requestRevisionBody,
  submitVersionFields,
} from "@/lib/partnerships/schemas/deliverables";
import { addDeliverableComment } from "@/lib/partnerships/add-deliverable-comment";
import { checkUploadSizes, type IncomingFile } from "@/lib/uploads/check-upload";
import { approveDeliverable } from "@/lib/partnerships/approve-deliverable";
import { requestRevision } from "@/lib/partnerships/request-revision";
import { submitDeliverable } from "@/lib/partnerships/submit-deliverable";
import { uuidString } from "@/lib/schemas/ids";
import { initiatePaymentBody } from "@/lib/partnerships/schemas/payments";
import { confirmSandboxPayment } from "@/lib/partnerships/confirm-sandbox-payment";
import { initiatePayment } from "@/lib/partnerships/initiate-payment";
import { releasePayment } from "@/lib/partnerships/release-payment";
import { resumePayment } from "@/lib/partnerships/resume-payment";

/** The path parameters the API routes take from the URL, checked the same way. */
const partnershipPath = z.object({ partnershipId: uuidString });
const paymentPath = z.object({ partnershipId: uuidString, paymentId: uuidString });
const deliverablePath = z.object({ partnershipId: uuidString, deliverableId: uuidString });

const actor = () => requirePageActor(["creator", "brand"]);

/** Checks the ids first; a malformed id is refused like the API refuses an unknown one. */
async function withPath<P extends z.ZodType, R>(
  path: P,
  ids: unknown,
  run: (ids: z.output<P>) => Promise<ActionState<R>>,
): Promise<ActionState<R>> {
  const parsed = path.safeParse(ids);
  if (!parsed.success) return { status: "error", message: "This partnership item was not found.", fieldErrors: {} };
  return run(parsed.data);
}

export async function generateContractAction(partnershipId: string, input: unknown) {
  return withPath(partnershipPath, { partnershipId }, async (ids) => {
    const who = await actor();
    return runAction(
      generateContractBody,
      input,
      async (body) =>
        generateContract({ actor: who, partnershipId: ids.partnershipId, ...body, ...(await signingClient()) }).then(() => undefined),
      {
        actor: who,
        action: "contract.generate",
        target: ids,
        successMessage: "Contract generated as a draft. Read it, then send it for signature.",
      },
    );
  });
}

export async function sendContractAction(partnershipId: string) {
  return withPath(partnershipPath, { partnershipId }, async (ids) => {
    const who = await actor();
    return runAction(
      z.object({}),
      {},
      async () => sendContract({ actor: who, partnershipId: ids.partnershipId, ...(await signingClient()) }).then(() => undefined),
      { actor: who, action: "contract.send", target: ids, successMessage: "Contract sent to both parties for signature." },
    );
  });
}

export async function rejectContractAction(partnershipId: string, input: unknown) {
  return withPath(partnershipPath, { partnershipId }, async (ids) => {
    const who = await actor();
    return runAction(
      rejectContractBody,
      input,
      async (body) =>
        rejectContract({ actor: who, partnershipId: ids.partnershipId, reason: body.reason, ...(await signingClient()) }).then(
          () => undefined,
        ),
      { actor: who, action: "contract.reject", target: ids, successMessage: "You rejected the contract; the partnership has ended." },
    );
  });
}

/** The signer's address as the server in front of the app resolved it, as the sign route records it. */
async function signingClient() {
  const h = await headers();
  return { ipAddress: clientAddressOf(h), userAgent: h.get("user-agent") };
}

export async function signContractAction(partnershipId: string, input: unknown) {
  return withPath(partnershipPath, { partnershipId }, async (ids) => {
    const who = await actor();
    return runAction(
      signContractBody,
      input,
      async (body) => {
        const contract = await signContract({
          actor: who,
          partnershipId: ids.partnershipId,
          fullName: body.fullName,
          consent: body.consent,
          signature: body.signature,
          ...(await signingClient()),
        });
        return { status: contract.status };
      },
      { actor: who, action: "contract.sign", target: ids, successMessage: "You signed the contract." },
    );
  });
}

export async function initiatePaymentAction(partnershipId: string, input: unknown) {
  return withPath(partnershipPath, { partnershipId }, async (ids) => {
    const who = await actor();
    return runAction(
      initiatePaymentBody,
      input,
      async (body) => {
        const { payment, paymentIntent } = await initiatePayment({ actor: who, partnershipId: ids.partnershipId, input: body });
        return { paymentId: payment.id, clientSecret: paymentIntent.clientSecret, sandbox: paymentIntent.sandbox };
      },
      { actor: who, action: "escrow-payment.initiate", target: ids },
    );
  });
}

export async function resumePaymentAction(partnershipId: string, paymentId: string) {
  return withPath(paymentPath, { partnershipId, paymentId }, async (ids) => {
    const who = await actor();
    return runAction(
      z.object({}),
      {},
      async () => {
        const { paymentIntent } = await resumePayment({ actor: who, ...ids });
        return { clientSecret: paymentIntent.clientSecret, sandbox: paymentIntent.sandbox };
      },
      { actor: who, action: "escrow-payment.resume", target: ids },
    );
  });
}

export async function confirmSandboxPaymentAction(partnershipId: string, paymentId: string) {
  return withPath(paymentPath, { partnershipId, paymentId }, async (ids) => {
    const who = await actor();
    return runAction(z.object({}), {}, () => confirmSandboxPayment({ actor: who, ...ids }).then(() => undefined), {
      actor: who,
      action: "escrow-payment.confirm-sandbox",
      target: ids,
      successMessage: "Sandbox payment confirmed: the money is held in escrow.",
    });
  });
}

export async function releasePaymentAction(partnershipId: string, paymentId: string) {
  return withPath(paymentPath, { partnershipId, paymentId }, async (ids) => {
    const who = await actor();
    return runAction(z.object({}), {}, () => releasePayment({ actor: who, ...ids }).then(() => undefined), {
      actor: who,
      action: "escrow-payment.release",
      target: ids,
      successMessage: "Payment released to the creator.",
    });
  });
}

/** The creator's submission: a link, files (in `files`, the form's file field), or both. */
export async function submitDeliverableAction(partnershipId: string, deliverableId: string, input: unknown, files?: FormData) {
  return withPath(deliverablePath, { partnershipId, deliverableId }, async (ids) => {
    const who = await actor();
    const attached = (files?.getAll("files") ?? []).filter((f): f is File => typeof f !== "string" && f.size > 0);
    return runAction(
      submitVersionFields,
      input,
      async (body) => {
        checkUploadSizes(attached);
        const incoming: IncomingFile[] = [];
        for (const file of attached) incoming.push({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
        await submitDeliverable({ actor: who, ...ids, ...body, files: incoming });
      },
      {
        actor: who,
        action: "deliverable.submit",
        target: { ...ids, files: attached.map((f) => f.name) },
        successMessage:
          attached.length > 0
            ? `Submitted for review with ${attached.length} ${attached.length === 1 ? "file" : "files"}.`
            : "Submitted for review.",
      },
    );
  });
}

export async function commentOnDeliverableAction(partnershipId: string, deliverableId: string, input: unknown) {
  return withPath(deliverablePath, { partnershipId, deliverableId }, async (ids) => {
    const who = await actor();
    return runAction(
      deliverableCommentBody,
      input,
      (body) => addDeliverableComment({ actor: who, ...ids, body: body.body }).then(() => undefined),
      {
        actor: who,
        action: "deliverable.comment",
        target: ids,
        successMessage: "Comment added.",
      },
    );
  });
}

export async function approveDeliverableAction(partnershipId: string, deliverableId: string, input: unknown) {
  return withPath(deliverablePath, { partnershipId, deliverableId }, async (ids) => {
    const who = await actor();
    return runAction(approveDeliverableBody, input, (body) => approveDeliverable({ actor: who, ...ids, ...body }).then(() => undefined), {
      actor: who,
      action: "deliverable.approve",
      target: ids,
      successMessage: "Deliverable approved.",
    });
  });
}

export async function requestRevisionAction(partnershipId: string, deliverableId: string, input: unknown) {
  return withPath(deliverablePath, { partnershipId, deliverableId }, async (ids) => {
    const who = await actor();
    return runAction(requestRevisionBody, input, (body) => requestRevision({ actor: who, ...ids, ...body }).then(() => undefined), {
      actor: who,
      action: "deliverable.request-revision",
      target: ids,
      successMessage: "Revision requested.",
    });
  });
}
