"use server";

/**
 * The workspace's proposal forms: each action parses with the schema the API route uses
 * and calls the same service, as the signed-in creator or brand.
 */
import { rejectWithReason } from "@/modules/workspace/proposals/proposal-form";
import { requirePageActor } from "@/lib/auth/page-guard";
import type { ActionState } from "@/lib/forms/action-state";
import { runAction } from "@/lib/forms/run-action";
import { uuidString } from "@/lib/schemas/ids";
import { acceptProposal } from "@/lib/partnerships/accept-proposal";
import { counterProposalBody, createProposalBody, updateProposalBody } from "@/lib/partnerships/schemas/proposals";
import { counterProposal } from "@/lib/partnerships/counter-proposal";
import { createProposal } from "@/lib/partnerships/create-proposal";
import { rejectProposal } from "@/lib/partnerships/reject-proposal";
import { sendProposal } from "@/lib/partnerships/send-proposal";
import { updateProposal } from "@/lib/partnerships/update-proposal";
import { saveUnfinishedProposalBody } from "@/lib/partnerships/schemas/unfinished-proposals";
import { discardUnfinishedProposal, saveUnfinishedProposal } from "@/lib/partnerships/unfinished-proposals";
import { revalidatePath } from "next/cache";

const actor = () => requirePageActor(["creator", "brand"]);

/** Keeps what the composer holds while a field a draft needs is still empty. */
export async function saveUnfinishedProposalAction(input: unknown): Promise<ActionState<{ id: string }>> {
  const me = await actor();
  return runAction(saveUnfinishedProposalBody, input, (body) => saveUnfinishedProposal({ actor: me, body }), {
    actor: me,
    action: "proposal.save-unfinished",
    successMessage: "Saved as an unfinished draft. Fill in the highlighted fields to save it as a draft you can send.",
  });
}

/** Creates a draft (from an unfinished one, when named), and sends it when `send` is set. */
export async function createProposalAction(
  input: unknown,
  options: { send: boolean; unfinishedId?: string },
): Promise<ActionState<{ id: string }>> {
  const me = await actor();
  return runAction(
    createProposalBody,
    input,
    async (body) => {
      const draft = await createProposal({ actor: me, body, fromUnfinishedId: options.unfinishedId });
      if (options.send) await sendProposal({ actor: me, proposalId: draft.id });
      return { id: draft.id };
    },
    {
      actor: me,
      action: options.send ? "proposal.create-and-send" : "proposal.create",
      successMessage: options.send ? "Proposal sent." : "Draft saved.",
    },
  );
}

/** Saves changes to a draft, and sends it when `send` is set. */
export async function updateProposalAction(
  proposalId: string,
  input: unknown,
  options: { send: boolean },
): Promise<ActionState<{ id: string }>> {
  const me = await actor();
  return runAction(
    updateProposalBody,
    input,
    async (body) => {
      const saved = await updateProposal({ actor: me, proposalId, body });
      if (options.send) await sendProposal({ actor: me, proposalId: saved.id });
      return { id: saved.id };
    },
    {
      actor: me,
      action: options.send ? "proposal.update-and-send" : "proposal.update",
      target: { proposalId },
      successMessage: options.send ? "Proposal sent." : "Draft saved.",
    },
  );
}

export async function sendProposalAction(proposalId: string): Promise<ActionState<{ id: string }>> {
  const me = await actor();
  return runAction(uuidString, proposalId, async (id) => ({ id: (await sendProposal({ actor: me, proposalId: id })).id }), {
    actor: me,
    action: "proposal.send",
    successMessage: "Proposal sent.",
  });
}

export async function acceptProposalAction(proposalId: string): Promise<ActionState<{ partnershipId: string }>> {
  const me = await actor();
  return runAction(
    uuidString,
    proposalId,
    async (id) => ({ partnershipId: (await acceptProposal({ actor: me, proposalId: id })).partnership.id }),
    { actor: me, action: "proposal.accept", successMessage: "Proposal accepted. The partnership has started." },
  );
}

export async function rejectProposalAction(proposalId: string, input: unknown): Promise<ActionState<{ id: string }>> {
  const me = await actor();
  return runAction(rejectWithReason, input, async ({ reason }) => ({ id: (await rejectProposal({ actor: me, proposalId, reason })).id }), {
    actor: me,
    action: "proposal.reject",
    target: { proposalId },
    successMessage: "Proposal rejected.",
  });
}

/** Answers a received proposal with a counter-proposal; returns the new proposal's id. */
export async function counterProposalAction(proposalId: string, input: unknown): Promise<ActionState<{ id: string }>> {
  const me = await actor();
  return runAction(counterProposalBody, input, async (body) => ({ id: (await counterProposal({ actor: me, proposalId, body })).id }), {
    actor: me,
    action: "proposal.counter",
    target: { proposalId },
    successMessage: "Counter-proposal sent.",
  });
}

export async function discardUnfinishedProposalAction(id: string): Promise<void> {
  const me = await actor();
  await runAction(
    saveUnfinishedProposalBody.pick({ id: true }).required(),
    { id },
    (body) => discardUnfinishedProposal({ actor: me, id: body.id }),
    {
      actor: me,
      action: "proposal.discard-unfinished",
      target: { unfinishedProposalId: id },
    },
  );
  revalidatePath("/workspace");
}
