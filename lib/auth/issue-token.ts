/** Exchanges credentials for a bearer token (POST /api/v1/auth/token). */
import { AppError } from "../errors";
import type { z } from "zod";
import { authenticate } from "./authenticate";
import type { tokenResponseSchema } from "./schemas";
import { issueAccessToken, tokenLifetimeSeconds } from "./tokens";

export async function issueTokenForCredentials(options: { email: string; password: string }): Promise<z.infer<typeof tokenResponseSchema>> {
  const actor = await authenticate(options);
  // One message for unknown email and wrong password alike.
  if (!actor) throw new AppError("authentication_required", "Incorrect email or password");
  const expiresIn = tokenLifetimeSeconds();
  return {
    access_token: await issueAccessToken({ id: actor.id, role: actor.role }, expiresIn),
    token_type: "bearer",
    expires_in: expiresIn,
    user: { id: actor.id, email: actor.email, name: actor.name, role: actor.role },
  };
}
