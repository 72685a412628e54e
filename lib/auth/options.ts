import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { isAppError } from "../errors.ts";
import { authenticateResident } from "../server/auth/authenticate-resident.ts";
import { authenticateStaff } from "../server/auth/authenticate-staff.ts";
import { SESSION_IDLE_SECONDS } from "./session-policy.ts";

/** Error codes the login form understands; anything else shows the generic failure text. */
export const SIGN_IN_ERRORS = { failed: "CredentialsSignin", throttled: "THROTTLED" } as const;

async function authorizeWith(
  authenticate: (input: unknown) => Promise<{ userId: string; name: string; passwordVersion: number } | null>,
  credentials: Record<string, string> | undefined,
) {
  try {
    const result = await authenticate(credentials ?? {});
    return result ? { id: result.userId, name: result.name, passwordVersion: result.passwordVersion } : null;
  } catch (error) {
    if (isAppError(error) && error.code === "RATE_LIMITED") {
      // next-auth passes a thrown message to the client as `error`.
      throw new Error(`${SIGN_IN_ERRORS.throttled}:${error.message.split(": ")[1] ?? "1"}`);
    }
    if (isAppError(error) && error.code === "VALIDATION") return null;
    throw error;
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
      authorize: (credentials) => authorizeWith(authenticateStaff, credentials),
    }),
    CredentialsProvider({
      id: "resident",
      name: "resident",
      credentials: { householdCode: { type: "text" }, accessCode: { type: "password" } },
      authorize: (credentials) => authorizeWith(authenticateResident, credentials),
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      // On sign-in: remember when, for the absolute session limit checked in getActor(), and the
      // password's version, so a change or reset ends this session (loadActor).
      if (user) {
        token.loginAt = Math.floor(Date.now() / 1000);
        token.passwordVersion = (user as { passwordVersion?: number }).passwordVersion ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, userId: token.sub, loginAt: token.loginAt, passwordVersion: token.passwordVersion };
    },
  },
};
