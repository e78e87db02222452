import { NextResponse } from "next/server";
import { v1Route } from "@/lib/api/v1-route";
import { auditEventsCsv, listAuditEvents } from "@/lib/audit/list-audit-events";
import { listAuditEventsQuery } from "@/lib/audit/schemas/audit-events";

/**
 * Who did what, when and from where: a page of the audit log as JSON, or every matching
 * row as CSV (`format=csv`). Owners and admins read their organisation's; platform admins,
 * who belong to none, read every organisation's, so "manage" is checked by the service
 * rather than by the route. No API key may read it (lib/api-keys/scopes.ts).
 */
export const GET = v1Route({ roles: ["partner", "brand", "creator", "admin"], query: listAuditEventsQuery }, async ({ actor, query }) => {
  if (query.format === "json") return NextResponse.json(await listAuditEvents({ actor, query }));
  const content = new TextEncoder().encode(await auditEventsCsv({ actor, query }));
  return new NextResponse(content, {
    status: 200,
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="audit-log-${new Date().toISOString().slice(0, 10)}.csv"`,
      "Content-Length": String(content.length),
      "Cache-Control": "private, no-store",
    },
  });
});
