import { NextResponse } from "next/server";
import { v1Route } from "@/lib/api/v1-route";
import { getStatement } from "@/lib/billing/get-statement";
import { renderStatementCsv } from "@/lib/billing/render-statement-csv";
import { renderStatementPdf } from "@/lib/billing/render-statement-pdf";
import { statementQuery } from "@/lib/billing/schemas/statements";

/** The partner's statement of account for a date range, as JSON, CSV or PDF. */
export const GET = v1Route({ roles: ["partner"], query: statementQuery }, async ({ actor, query }) => {
  const statement = await getStatement({ actor, query });
  if (query.format === "json") return NextResponse.json({ statement });
  const filename = `statement-${statement.partner.account_code}-${statement.currency}-${statement.start_date}-${statement.end_date}`;
  const content =
    query.format === "pdf" ? new Uint8Array(await renderStatementPdf(statement)) : new TextEncoder().encode(renderStatementCsv(statement));
  return new NextResponse(content, {
    status: 200,
    headers: {
      "Content-Type": query.format === "pdf" ? "application/pdf" : "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}.${query.format}"`,
      "Content-Length": String(content.length),
      "Cache-Control": "private, no-store",
    },
  });
});
