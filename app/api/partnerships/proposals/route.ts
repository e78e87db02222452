import { NextResponse } from "next/server";
import { partnershipsRoute } from "@/lib/api/partnerships-route";
import { createProposalBody, listProposalsQuery } from "@/lib/partnerships/schemas/proposals";
import { createProposal } from "@/lib/partnerships/create-proposal";
import { listProposals } from "@/lib/partnerships/list-proposals";

/** Creates a draft proposal to a party of the other role. */
export const POST = partnershipsRoute({ roles: ["creator", "brand"], body: createProposalBody }, async ({ actor, body }) =>
  NextResponse.json(await createProposal({ actor, body }), { status: 201 }),
);

/** Proposals the actor sent or received, newest first. */
export const GET = partnershipsRoute({ roles: ["creator", "brand"], query: listProposalsQuery }, async ({ actor, query }) =>
  NextResponse.json(await listProposals({ actor, query })),
);
