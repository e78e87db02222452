import { NextResponse } from "next/server";
import { v1Route } from "@/lib/api/v1-route";
import { createSponsorships } from "@/lib/sponsorship/create-sponsorships";
import { createSponsorshipsBody, listSponsorshipsQuery } from "@/lib/sponsorship/schemas/sponsorships";
import { listSponsorships } from "@/lib/sponsorship/list-sponsorships";

export const GET = v1Route({ roles: ["partner"], query: listSponsorshipsQuery }, async ({ actor, query }) =>
  NextResponse.json(await listSponsorships({ actor, ...query })),
);

export const POST = v1Route({ roles: ["partner"], permission: "work", body: createSponsorshipsBody }, async ({ actor, body }) =>
  NextResponse.json(await createSponsorships({ actor, ...body }), { status: 201 }),
);
