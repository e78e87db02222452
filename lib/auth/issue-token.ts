/** Exchanges credentials for a bearer token (POST /api/v1/auth/token). */
import type { z } from "zod";
import { enforceRateLimit } from "../api/rate-limit";
import { AppError } from "../errors";
import { authenticate } from "./authenticate";
import type { tokenResponseSchema } from "./schemas";
import { issueAccessToken, tokenLifetimeSeconds } from "./tokens";

/** Tokens one user may be issued per minute, whatever the client address. */
export function tokensPerMinute(): number {
  const configured = Number(process.env.TOKENS_PER_MINUTE);
  return Number.isInteger(configured) && configured > 0 ? configured : 10;
}

export async function issueTokenForCredentials(options: {
  email: string;
  password: string;
  clientAddress: string;
}): Promise<z.infer<typeof tokenResponseSchema>> {
  const actor = await authenticate(options);
  // One message for unknown email and wrong password alike.
  if (!actor) throw new AppError("authentication_required", "Incorrect email or password");
  await enforceRateLimit(`tokens:${actor.id}`, { limit: tokensPerMinute() });
  const expiresIn = tokenLifetimeSeconds();
  return {
    access_token: await issueAccessToken({ id: actor.id, role: actor.role, tokenVersion: actor.tokenVersion }, expiresIn),
    token_type: "bearer",
    expires_in: expiresIn,
    user: { id: actor.id, email: actor.email, name: actor.name, role: actor.role },
  };
}
