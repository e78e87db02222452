import { NextResponse } from "next/server";
import { v1Route } from "@/lib/api/v1-route";
import { getProgram } from "@/lib/sponsorship/get-program";

/** One of the partner's programs in detail. */
export const GET = v1Route({ roles: ["partner"] }, async ({ actor, params }) =>
  NextResponse.json(await getProgram({ actor, programId: String(params.id) })),
);
