import { NextResponse } from "next/server";
import { v1Route } from "@/lib/api/v1-route";
import { createProgram } from "@/lib/sponsorship/create-program";
import { listPrograms } from "@/lib/sponsorship/list-programs";
import { createProgramBody, listProgramsQuery } from "@/lib/sponsorship/schemas/programs";

/** The partner's programs, newest first. */
export const GET = v1Route({ roles: ["partner"], query: listProgramsQuery }, async ({ actor, query }) =>
  NextResponse.json(await listPrograms({ actor, query })),
);

/** Creates a program in `planning`. */
export const POST = v1Route({ roles: ["partner"], permission: "work", body: createProgramBody }, async ({ actor, body }) =>
  NextResponse.json(await createProgram({ actor, body }), { status: 201 }),
);
