import { z } from "zod";

export const tokenRequestSchema = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(1024),
});

export const tokenUserSchema = z.object({
  id: z.string().uuid(),
  email: z.string(),
  name: z.string(),
  role: z.enum(["partner", "creator", "brand", "admin"]),
});

export const tokenResponseSchema = z.object({
  access_token: z.string(),
  token_type: z.literal("bearer"),
  expires_in: z.number().int().positive(),
  user: tokenUserSchema,
});

export const MIN_PASSWORD_LENGTH = 10;

export const changePasswordBody = z.object({
  current_password: z.string().min(1).max(1024),
  new_password: z.string().min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`).max(1024),
});

export const credentialsRevokedResponse = z.object({
  message: z.string(),
  sessions_ended: z.number().int().describe("Browser sessions that were still open and are now ended"),
});

export const deactivatedUserResponse = z.object({
  id: z.string().uuid(),
  email: z.string(),
  active: z.literal(false),
});
