import { NextResponse } from "next/server";
import { publicV1Route } from "@/lib/api/v1-route";
import { issueTokenForCredentials } from "@/lib/auth/issue-token";
import { tokenRequestSchema } from "@/lib/auth/schemas";

export const POST = publicV1Route({ body: tokenRequestSchema }, async ({ body }) =>
  NextResponse.json(await issueTokenForCredentials(body), { headers: { "Cache-Control": "no-store" } }),
);
