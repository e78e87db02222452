import { NextResponse } from "next/server";
import { v1Route } from "@/lib/api/v1-route";
import { getProgramTargets } from "@/lib/sponsorship/get-program-targets";
import { setProgramTargets } from "@/lib/sponsorship/set-program-targets";
import { programTargetsBody } from "@/lib/sponsorship/schemas/program-targets";

/** The program's targets with progress towards each. */
export const GET = v1Route({ roles: ["partner"] }, async ({ actor, params }) =>
  NextResponse.json(await getProgramTargets({ actor, programId: String(params.id) })),
);

/** Replaces the program's targets. */
export const PUT = v1Route({ roles: ["partner"], permission: "work", body: programTargetsBody }, async ({ actor, params, body }) =>
  NextResponse.json(await setProgramTargets({ actor, programId: String(params.id), body })),
);
