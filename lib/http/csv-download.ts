/**
 * Route handlers beside pages that answer a page's list as a CSV file (`…/export`). The
 * browser follows an ordinary link, so the session cookie is the only credential taken
 * (a page never reads an Authorization header); the caller is counted against their rate
 * limit and the role checked, and the list service checks the rest, as for the page.
 * Reads change nothing, so, like the APIs' GET routes, nothing is written to the audit log.
 */
import { NextResponse, type NextRequest } from "next/server";
import type { Role } from "../generated/prisma/client";
import { enforceRateLimit, userKey } from "../api/rate-limit";
import { actorFromSession, type Actor } from "../auth/actor";
import { loginPathFor } from "../auth/return-path";
import { AppError } from "../errors";

export interface CsvFile {
  /** Without the extension or date: "sponsorships" becomes sponsorships-2025-01-31.csv. */
  name: string;
  csv: string;
  /** More rows matched than one file holds. */
  capped: boolean;
}

export function csvDownloadRoute(
  options: { roles: Role[]; page: string },
  build: (context: { actor: Actor; params: URLSearchParams }) => Promise<CsvFile>,
) {
  return async (request: NextRequest): Promise<Response> => {
    try {
      const actor = await actorFromSession();
      if (!actor) return NextResponse.redirect(new URL(loginPathFor(options.page), request.url), 303);
      await enforceRateLimit(userKey(actor.id));
      if (!options.roles.includes(actor.role))
        throw new AppError("insufficient_permissions", `Role '${options.roles.join("' or '")}' required`);
      const file = await build({ actor, params: request.nextUrl.searchParams });
      const content = new TextEncoder().encode(file.csv);
      return new NextResponse(content, {
        status: 200,
        headers: {
          "Content-Type": "text/csv; charset=utf-8",
          "Content-Disposition": `attachment; filename="${file.name}-${new Date().toISOString().slice(0, 10)}.csv"`,
          "Content-Length": String(content.length),
          "Cache-Control": "private, no-store",
          ...(file.capped ? { "X-Export-Capped": "true" } : {}),
        },
      });
    } catch (error) {
      if (error instanceof AppError) {
        return new NextResponse(error.message, { status: error.status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
      }
      throw error;
    }
  };
}
