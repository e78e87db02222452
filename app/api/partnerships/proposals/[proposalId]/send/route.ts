import { NextResponse } from "next/server";
import { partnershipsRoute } from "@/lib/api/partnerships-route";
import { sendProposal } from "@/lib/partnerships/send-proposal";

export const POST = partnershipsRoute({ roles: ["creator", "brand"] }, async ({ actor, params }) =>
  NextResponse.json(await sendProposal({ actor, proposalId: String(params.proposalId) })),
);
