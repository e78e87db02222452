import { NextResponse } from "next/server";
import { partnershipsRoute } from "@/lib/api/partnerships-route";
import { listPartnerships } from "@/lib/partnerships/list-partnerships";
import { listPartnershipsQuery } from "@/lib/partnerships/schemas/partnerships";

/** The actor's partnerships, newest first. */
export const GET = partnershipsRoute({ roles: ["creator", "brand"], query: listPartnershipsQuery }, async ({ actor, query }) =>
  NextResponse.json(await listPartnerships({ actor, query })),
);
