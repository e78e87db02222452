import { NextResponse } from "next/server";
import { partnershipsRoute } from "@/lib/api/partnerships-route";
import { rejectProposalBody } from "@/lib/partnerships/schemas/proposals";
import { rejectProposal } from "@/lib/partnerships/reject-proposal";

export const POST = partnershipsRoute({ roles: ["creator", "brand"], body: rejectProposalBody }, async ({ actor, params, body }) =>
  NextResponse.json(await rejectProposal({ actor, proposalId: String(params.proposalId), reason: body.reason })),
);
