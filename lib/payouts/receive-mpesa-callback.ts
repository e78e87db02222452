/**
 * Safaricom's B2C callbacks (result and timeout). They are unsigned, so the URL carries a secret
 * path token (DARAJA_CALLBACK_TOKEN), compared in constant time; without the setting every
 * callback is refused. A valid body is stored (in the result job) and applied afterwards;
 * Safaricom is answered at once, since a slow or non-200 answer makes it retry and can get the
 * endpoint blacklisted.
 */
import crypto from "node:crypto";
import { callbackToken } from "../daraja/config";
import type { B2CResultBody } from "../daraja/b2c";
import { AppError } from "../errors";
import { deliverMpesaResult } from "./apply-mpesa-result";

export const MPESA_CALLBACK_ACCEPTED = { ResultCode: 0, ResultDesc: "Accepted" } as const;

/** 404 unless the path ends with the configured token: a wrong token finds no such route. */
export function requireMpesaCallbackToken(pathname: string): void {
  const given = decodeURIComponent(pathname.replace(/\/+$/, "").split("/").pop() ?? "");
  const expected = callbackToken();
  const matches =
    !!expected &&
    crypto.timingSafeEqual(crypto.createHash("sha256").update(given).digest(), crypto.createHash("sha256").update(expected).digest());
  if (!matches) throw new AppError("resource_not_found", "Not found");
}

export async function receiveMpesaCallback(options: { kind: "result" | "timeout"; body: B2CResultBody }): Promise<void> {
  await deliverMpesaResult({ kind: options.kind, body: options.body, receivedAt: new Date().toISOString() });
}
