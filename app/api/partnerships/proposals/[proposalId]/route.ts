import { NextResponse } from "next/server";
import { partnershipsRoute } from "@/lib/api/partnerships-route";
import { updateProposalBody } from "@/lib/partnerships/schemas/proposals";
import { getProposal } from "@/lib/partnerships/get-proposal";
import { updateProposal } from "@/lib/partnerships/update-proposal";

export const GET = partnershipsRoute({ roles: ["creator", "brand"] }, async ({ actor, params }) =>
  NextResponse.json(await getProposal({ actor, proposalId: String(params.proposalId) })),
);

/** Edits a draft (sender only). */
export const PATCH = partnershipsRoute({ roles: ["creator", "brand"], body: updateProposalBody }, async ({ actor, params, body }) =>
  NextResponse.json(await updateProposal({ actor, proposalId: String(params.proposalId), body })),
);
