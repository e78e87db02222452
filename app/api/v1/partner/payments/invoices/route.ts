import { NextResponse } from "next/server";
import { v1Route } from "@/lib/api/v1-route";
import { listInvoices } from "@/lib/sponsorship/list-invoices";
import { listInvoicesQuery } from "@/lib/sponsorship/schemas/invoices";

/** The partner's invoices. */
export const GET = v1Route({ roles: ["partner"], query: listInvoicesQuery }, async ({ actor, query }) =>
  NextResponse.json(await listInvoices({ actor, query })),
);
