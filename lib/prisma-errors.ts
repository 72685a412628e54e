import { Prisma } from "./generated/prisma/client.ts";

/** True for a unique-constraint violation (P2002), optionally on a given column. */
export function isUniqueViolation(error: unknown, column?: string): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") return false;
  if (!column) return true;
  // With driver adapters the target is reported in meta.driverAdapterError; fall back to the text.
  return JSON.stringify(error.meta ?? {}).includes(column) || error.message.includes(column);
}
