/** Browser sessions: next-auth credentials sign-in with JWT sessions. */
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authenticate } from "./authenticate";
import { getAuthSecret } from "./secret";

// Without NEXTAUTH_URL, build next-auth's URLs from the request's own host (any port),
// rather than its fallback of http://localhost:3000.
if (!process.env.NEXTAUTH_URL) process.env.AUTH_TRUST_HOST ??= "true";

export function authOptions(): NextAuthOptions {
  return {
    secret: getAuthSecret(),
    session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
    pages: { signIn: "/login" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: {
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
        },
        async authorize(credentials) {
          if (!credentials?.email || !credentials.password) return null;
          // Too many recent failures (AppError 429) fails the sign-in like wrong credentials.
          const actor = await authenticate({ email: credentials.email, password: credentials.password }).catch(() => null);
          return actor ? { id: actor.id, email: actor.email, name: actor.name, role: actor.role } : null;
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.role = (user as { role?: string }).role;
        }
        return token;
      },
      session({ session, token }) {
        if (session.user) {
          Object.assign(session.user, { id: token.sub, role: token.role });
        }
        return session;
      },
    },
  };
}
