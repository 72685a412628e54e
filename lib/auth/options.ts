import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { isAppError } from "../errors.ts";
import { authenticateResident } from "../server/auth/authenticate-resident.ts";
import { authenticateStaff } from "../server/auth/authenticate-staff.ts";
import { requestOriginOf, type HeaderSource, type RequestOrigin } from "../server/client-address.ts";
import { endSession } from "../server/sessions/end-session.ts";
import { isSessionOpen } from "../server/sessions/is-session-open.ts";
import { startSession } from "../server/sessions/start-session.ts";
import { SIGN_IN_ERRORS } from "./credentials.ts";
import { isSessionWithinAbsoluteLimit, sessionClaimsOf, SESSION_IDLE_SECONDS } from "./session-policy.ts";

/** Thrown by the jwt callback for a session that has ended: next-auth then answers the session
 *  endpoint with no session and clears the cookie instead of re-issuing it. */
const SESSION_ENDED = "session ended";

async function authorizeWith(
  authenticate: (input: unknown, origin: RequestOrigin) => Promise<{ userId: string; name: string; passwordVersion: number } | null>,
  credentials: Record<string, string> | undefined,
  headers: HeaderSource | undefined,
) {
  try {
    const result = await authenticate(credentials ?? {}, requestOriginOf(headers ?? {}));
    return result ? { id: result.userId, name: result.name, passwordVersion: result.passwordVersion } : null;
  } catch (error) {
    if (isAppError(error) && error.code === "RATE_LIMITED") {
      // next-auth passes a thrown message to the client as `error`.
      throw new Error(`${SIGN_IN_ERRORS.throttled}:${error.message.split(": ")[1] ?? "1"}`);
    }
    if (isAppError(error) && error.code === "VALIDATION") return null;
    // next-auth would hand the error's own text (Prisma's, say) to the browser, and the form
    // would call it a wrong password: the log gets it, the person a "temporarily unavailable".
    console.error("[sign-in] unexpected error", error);
    throw new Error(SIGN_IN_ERRORS.unavailable);
  }
}

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_IDLE_SECONDS, updateAge: 0 },
  jwt: { maxAge: SESSION_IDLE_SECONDS },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      id: "staff",
      name: "staff",
      credentials: { phone: { type: "tel" }, password: { type: "password" } },
      authorize: (credentials, req) => authorizeWith(authenticateStaff, credentials, req.headers),
    }),
    CredentialsProvider({
      id: "resident",
      name: "resident",
      credentials: { householdCode: { type: "text" }, accessCode: { type: "password" } },
      authorize: (credentials, req) => authorizeWith(authenticateResident, credentials, req.headers),
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      // On sign-in: remember when, for the absolute session limit checked in getActor(), the
      // password's version, so a change or reset ends this session (loadActor), and the id of a
      // new session row, so sign-out and sign out everywhere end it on the server.
      if (user) {
        token.loginAt = Math.floor(Date.now() / 1000);
        token.passwordVersion = (user as { passwordVersion?: number }).passwordVersion ?? 0;
        token.sid = (await startSession(user.id)).sessionId;
        return token;
      }
      // Every other call re-issues the cookie (the session endpoint, kept alive by the browser):
      // an ended session gets none, whoever holds a copy of it.
      const claims = sessionClaimsOf(token);
      if (!claims || !isSessionWithinAbsoluteLimit(claims.loginAt) || !(await isSessionOpen(claims))) throw new Error(SESSION_ENDED);
      return token;
    },
    session({ session, token }) {
      return { ...session, userId: token.sub, loginAt: token.loginAt, passwordVersion: token.passwordVersion };
    },
  },
  events: {
    // next-auth's sign-out (POST /api/auth/signout, CSRF-checked) ends the session row too.
    async signOut({ token }) {
      const claims = sessionClaimsOf(token);
      if (claims) await endSession(claims);
    },
  },
  logger: {
    // An ended session at the session endpoint is expected, not an error worth a stack trace.
    error(code, metadata) {
      if (code === "JWT_SESSION_ERROR" && (metadata as { message?: string } | undefined)?.message === SESSION_ENDED) return;
      console.error(`[next-auth][error][${code}]`, metadata);
    },
  },
};
