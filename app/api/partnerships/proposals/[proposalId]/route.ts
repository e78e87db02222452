import { NextResponse } from "next/server";
import { partnershipsRoute } from "@/lib/api/partnerships-route";
import { updateProposalBody } from "@/lib/partnerships/proposal-schemas";
import { getProposal, updateProposal } from "@/lib/partnerships/proposals";

export const GET = partnershipsRoute({ roles: ["creator", "brand"] }, async ({ actor, params }) =>
  NextResponse.json(await getProposal({ actor, proposalId: String(params.proposalId) })),
);

/** Edits a draft (sender only). */
export const PATCH = partnershipsRoute({ roles: ["creator", "brand"], body: updateProposalBody }, async ({ actor, params, body }) =>
  NextResponse.json(await updateProposal({ actor, proposalId: String(params.proposalId), body })),
);
