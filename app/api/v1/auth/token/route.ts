import { NextResponse } from "next/server";
import { publicV1Route } from "@/lib/api/v1-route";
import { issueTokenForCredentials } from "@/lib/auth/issue-token";
import { tokenRequestSchema } from "@/lib/auth/schemas";

export const POST = publicV1Route({ body: tokenRequestSchema }, async ({ body, clientAddress }) =>
  NextResponse.json(await issueTokenForCredentials({ ...body, clientAddress }), { headers: { "Cache-Control": "no-store" } }),
);
