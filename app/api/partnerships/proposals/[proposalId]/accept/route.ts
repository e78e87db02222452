import { NextResponse } from "next/server";
import { partnershipsRoute } from "@/lib/api/partnerships-route";
import { acceptProposal } from "@/lib/partnerships/accept-proposal";

/** Accepts a sent proposal and creates the partnership. */
export const POST = partnershipsRoute({ roles: ["creator", "brand"] }, async ({ actor, params }) =>
  NextResponse.json(await acceptProposal({ actor, proposalId: String(params.proposalId) })),
);
