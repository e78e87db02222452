/** Daraja's result and timeout callbacks (B2C) and STK push results, delivered to the app's own route handlers. */
import { NextRequest } from "next/server";
import { POST as stkCallbackRoute } from "@/app/api/v1/payments/mpesa/callback/[token]/route";
import { POST as resultRoute } from "@/app/api/payouts/mpesa/result/[token]/route";
import { POST as timeoutRoute } from "@/app/api/payouts/mpesa/timeout/[token]/route";
import type { FakeDaraja } from "@/tests/fakes/daraja-server";

/** Posts a callback to a result route the way Safaricom would (no session, no OpenAPI check). */
export async function postCallback(kind: "result" | "timeout", token: string, body: unknown) {
  const request = new NextRequest(new URL(`/api/payouts/mpesa/${kind}/${token}`, "http://localhost:8000"), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const response = await (kind === "result" ? resultRoute : timeoutRoute)(request);
  return { status: response.status, body: await response.json() };
}

/** Posts an STK push result to the callback route the way Safaricom would; `headers` stand for what the server in front set. */
export async function postStkCallback(token: string, body: unknown, headers: Record<string, string> = {}) {
  const request = new NextRequest(new URL(`/api/v1/payments/mpesa/callback/${token}`, "http://localhost:8000"), {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  const response = await stkCallbackRoute(request);
  return { status: response.status, body: await response.json() };
}

/** Makes the stand-in deliver its callbacks to the route handlers in this process. */
export function deliverCallbacksHere(daraja: FakeDaraja): void {
  daraja.deliver = async (url, body) => {
    const { pathname } = new URL(url);
    const stk = /\/api\/v1\/payments\/mpesa\/callback\/([^/]+)$/.exec(pathname);
    if (stk) {
      const answer = await postStkCallback(decodeURIComponent(stk[1]!), body);
      if (answer.status !== 200) throw new Error(`callback answered ${answer.status}`);
      return;
    }
    const [, kind, token] = /\/api\/payouts\/mpesa\/(result|timeout)\/([^/]+)$/.exec(pathname)!;
    const answer = await postCallback(kind as "result" | "timeout", decodeURIComponent(token!), body);
    if (answer.status !== 200) throw new Error(`callback answered ${answer.status}`);
  };
}
