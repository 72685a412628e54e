// Sign-in while the database cannot be reached: next-auth hands whatever authorize() throws to the
// browser as the error, and the form used to call Prisma's connection error a wrong password.
import { createServer } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { SIGN_IN_ERRORS, signInProblemOf } from "@/lib/auth/credentials";
import { authOptions } from "@/lib/auth/options";
import { createPrismaClient, db, type PrismaClient } from "@/lib/db";
import { seedUser } from "../../prisma/seed/factories.ts";

type Authorize = (credentials: Record<string, string>, req: { headers: Record<string, string> }) => Promise<unknown>;

function authorizeOf(id: "staff" | "resident"): Authorize {
  // next-auth keeps a provider's own settings in `options` (its id among them).
  const providers = authOptions.providers as unknown as { options: { id: string; authorize: Authorize } }[];
  return providers.find((p) => p.options.id === id)!.options.authorize;
}

/** A port on loopback that nothing listens on: connecting to it is refused. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const cache = globalThis as unknown as { lianxinPrisma?: PrismaClient };

/** Runs `work` with the portal's Prisma client pointed at a database server that is down. */
async function withDatabaseDown<T>(work: () => Promise<T>): Promise<T> {
  const real = db();
  const down = createPrismaClient(`postgresql://lianxin:x@127.0.0.1:${await closedPort()}/lianxin`, 1);
  cache.lianxinPrisma = down;
  try {
    return await work();
  } finally {
    cache.lianxinPrisma = real;
    await down.$disconnect().catch(() => undefined);
  }
}

afterEach(() => vi.restoreAllMocks());

describe("sign-in with the database down", () => {
  it("answers 'temporarily unavailable' for staff and residents, without the internal error's text", async () => {
    const account = await seedUser(db(), { role: "STAFF", phone: "13400001111", password: "the right one 1" });
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const headers = { "x-lianxin-client-addr": "127.0.0.1" };

    const staffError = await withDatabaseDown(() =>
      authorizeOf("staff")({ phone: account.phone!, password: "the right one 1" }, { headers }),
    ).catch((error: unknown) => error);
    const residentError = await withDatabaseDown(() =>
      authorizeOf("resident")({ householdCode: "T-1-0001", accessCode: "123456" }, { headers }),
    ).catch((error: unknown) => error);

    for (const error of [staffError, residentError]) {
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toBe(SIGN_IN_ERRORS.unavailable);
      expect(signInProblemOf((error as Error).message)).toEqual({ kind: "unavailable" });
    }
    // The server's log keeps the cause.
    expect(logged).toHaveBeenCalledWith("[sign-in] unexpected error", expect.anything());

    // Back up, the same sign-in works.
    expect(await authorizeOf("staff")({ phone: account.phone!, password: "the right one 1" }, { headers })).toMatchObject({
      id: account.id,
    });
  });
});
