import { NextResponse } from "next/server";
import { v1Route } from "@/lib/api/v1-route";
import { getProgramTargets, setProgramTargets } from "@/lib/sponsorship/program-targets";
import { programTargetsBody } from "@/lib/sponsorship/schemas";

/** The program's targets with progress towards each. */
export const GET = v1Route({ roles: ["partner"] }, async ({ actor, params }) =>
  NextResponse.json(await getProgramTargets({ actor, programId: String(params.id) })),
);

/** Replaces the program's targets. */
export const PUT = v1Route({ roles: ["partner"], body: programTargetsBody }, async ({ actor, params, body }) =>
  NextResponse.json(await setProgramTargets({ actor, programId: String(params.id), body })),
);
