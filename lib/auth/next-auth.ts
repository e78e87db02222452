/** Browser sessions: next-auth credentials sign-in with JWT sessions that name a server-side session. */
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { AppError } from "../errors";
import { CLIENT_ADDRESS_HEADER } from "../http/client-address";
import { configuredOrigin } from "../http/public-origin";
import { authenticate } from "./authenticate";
import { getAuthSecret } from "./secret";
import { endSession, SESSION_MAX_AGE_SECONDS, startSession } from "./sessions";

// next-auth builds its URLs from NEXTAUTH_URL, or else from X-Forwarded-Host, which the
// server in front of the app always overwrites with the public origin it trusts.
const origin = configuredOrigin();
if (origin) process.env.NEXTAUTH_URL ??= origin;
else process.env.AUTH_TRUST_HOST ??= "true";

const header = (headers: unknown, name: string): string | null => {
  const value = (headers as Record<string, string | string[] | undefined> | undefined)?.[name];
  return typeof value === "string" ? value : null;
};

export function authOptions(): NextAuthOptions {
  return {
    secret: getAuthSecret(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    // next-auth signs the session JWT for 30 days unless told otherwise, whatever the session's own lifetime.
    jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/login" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: {
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
        },
        async authorize(credentials, req) {
          if (!credentials?.email || !credentials.password) return null;
          const clientAddress = header(req.headers, CLIENT_ADDRESS_HEADER) ?? "unknown";
          let user;
          try {
            user = await authenticate({ email: credentials.email, password: credentials.password, clientAddress });
          } catch (error) {
            // Too many attempts: next-auth hands this message to the sign-in form.
            if (error instanceof AppError && error.code === "rate_limited") throw new Error(error.message);
            throw error;
          }
          if (!user) return null;
          const session = await startSession({ userId: user.id, clientAddress, userAgent: header(req.headers, "user-agent") });
          return {
            id: user.id,
            email: user.email,
            name: user.name,
            role: user.role,
            tokenVersion: user.tokenVersion,
            sessionId: session.id,
          };
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          const signedIn = user as { id: string; role?: string; tokenVersion?: number; sessionId?: string };
          token.sub = signedIn.id;
          token.role = signedIn.role;
          token.ver = signedIn.tokenVersion;
          token.sid = signedIn.sessionId;
        }
        return token;
      },
      session({ session, token }) {
        if (session.user) Object.assign(session.user, { id: token.sub, role: token.role });
        return session;
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid === "string") await endSession({ sessionId: token.sid });
      },
    },
  };
}
