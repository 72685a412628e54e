import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client.ts";
import { requireDatabaseUrl, serverEnv } from "./env.ts";

// The one Prisma client of a process. Created on first use so `next build` needs no database,
// and cached on globalThis so dev reloads do not open a new pool each time.
const globalForPrisma = globalThis as unknown as { lianxinPrisma?: PrismaClient };

export function createPrismaClient(connectionString: string, max = serverEnv().DB_POOL_MAX): PrismaClient {
  // connectionTimeoutMillis: pg's default 0 waits forever for a free connection.
  const adapter = new PrismaPg({ connectionString, max, connectionTimeoutMillis: 5000 });
  return new PrismaClient({ adapter });
}

export function db(): PrismaClient {
  globalForPrisma.lianxinPrisma ??= createPrismaClient(requireDatabaseUrl());
  return globalForPrisma.lianxinPrisma;
}

export type { PrismaClient };
