import { NextResponse } from "next/server";
import { partnershipsRoute } from "@/lib/api/partnerships-route";
import { counterProposalBody } from "@/lib/partnerships/schemas/proposals";
import { counterProposal } from "@/lib/partnerships/counter-proposal";

/** Answers a sent proposal with a new one back to its sender; 201 with the new proposal. */
export const POST = partnershipsRoute({ roles: ["creator", "brand"], body: counterProposalBody }, async ({ actor, params, body }) =>
  NextResponse.json(await counterProposal({ actor, proposalId: String(params.proposalId), body }), { status: 201 }),
);
