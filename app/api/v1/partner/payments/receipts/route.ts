import { NextResponse } from "next/server";
import { v1Route } from "@/lib/api/v1-route";
import { listReceipts } from "@/lib/billing/list-receipts";
import { listReceiptsQuery } from "@/lib/billing/schemas/receipts";

/** The partner's receipts, one per completed payment. */
export const GET = v1Route({ roles: ["partner"], query: listReceiptsQuery }, async ({ actor, query }) =>
  NextResponse.json(await listReceipts({ actor, query })),
);
