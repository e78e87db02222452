import { NextResponse } from "next/server";
import { partnershipsRoute } from "@/lib/api/partnerships-route";
import { createProposalBody, listProposalsQuery } from "@/lib/partnerships/proposal-schemas";
import { createProposal, listProposals } from "@/lib/partnerships/proposals";

/** Creates a draft proposal to a party of the other role. */
export const POST = partnershipsRoute({ roles: ["creator", "brand"], body: createProposalBody }, async ({ actor, body }) =>
  NextResponse.json(await createProposal({ actor, body }), { status: 201 }),
);

/** Proposals the actor sent or received, newest first. */
export const GET = partnershipsRoute({ roles: ["creator", "brand"], query: listProposalsQuery }, async ({ actor, query }) =>
  NextResponse.json(await listProposals({ actor, query })),
);
