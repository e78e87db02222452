/**
 * Safaricom's STK push result callback. Safaricom sends no credentials, so the URL we
 * register as CallBackURL carries a shared secret: when MPESA_CALLBACK_TOKEN is set,
 * requests must include `?token=<MPESA_CALLBACK_TOKEN>` or are refused with 401.
 * (Leave it unset only in development.)
 */
import crypto from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import { errorResponse } from "@/lib/api/v1-route";
import { parseInput, readJson } from "@/lib/api/validation";
import { AppError } from "@/lib/errors";
import { mpesaCallbackBody, recordMpesaCallback } from "@/lib/partner/complete-payment";

function tokenMatches(given: string | null, expected: string): boolean {
  if (given === null) return false;
  const a = crypto.createHash("sha256").update(given).digest();
  const b = crypto.createHash("sha256").update(expected).digest();
  return crypto.timingSafeEqual(a, b);
}

export async function POST(request: NextRequest): Promise<Response> {
  try {
    const expected = process.env.MPESA_CALLBACK_TOKEN?.trim();
    if (expected && !tokenMatches(request.nextUrl.searchParams.get("token"), expected)) {
      throw new AppError("authentication_required", "Not authenticated");
    }
    const body = parseInput(mpesaCallbackBody, await readJson(request), { location: "body" });
    return NextResponse.json(await recordMpesaCallback({ body }));
  } catch (error) {
    return errorResponse(error);
  }
}
