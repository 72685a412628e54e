import { Prisma } from "./generated/prisma/client.ts";

/** True for a unique-constraint violation (P2002), optionally on a given column. */
export function isUniqueViolation(error: unknown, column?: string): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") return false;
  if (!column) return true;
  // With driver adapters the target is reported in meta.driverAdapterError; fall back to the text.
  return JSON.stringify(error.meta ?? {}).includes(column) || error.message.includes(column);
}

/** Prisma's codes for a database it cannot reach (P1001), that timed out (P1002), that closed the
 *  connection (P1017), or whose pool had no connection in time (P2024). */
const UNAVAILABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1017", "P2024"]);
/** The driver adapter's kinds of the same (meta.driverAdapterError.cause.kind). */
const UNAVAILABLE_DRIVER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
/** SQLSTATEs: 08… connection exceptions; 57P01/57P02 the server shut down or crashed under the
 *  connection; 57P03 it cannot take connections yet (starting up, shutting down); 53300 too many. */
const UNAVAILABLE_SQLSTATE = /^(08|57P0[123]$|53300$)/;
const UNAVAILABLE_SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EHOSTUNREACH", "EPIPE"]);
/** node-postgres's own texts (plain Errors) for a connection lost or never made. */
const PG_CONNECTION_MESSAGE =
  /^(Connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect|Can't reach database server)/;

/**
 * True when `error` says the database cannot be reached or went away (not that a query was
 * wrong): the request is answered "temporarily unavailable" (UNAVAILABLE, 503) instead of an
 * internal error. Seen with the pg driver adapter: a stopped server is P2010/P1001 with the
 * adapter's DatabaseNotReachable, a server killed mid-query is pg's "Connection terminated
 * unexpectedly", a server that never answers is "…due to connection timeout".
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== "object" || error === null || depth > 3) return false;
  const { code, errorCode, meta, message, cause } = error as {
    code?: unknown;
    errorCode?: unknown;
    meta?: { driverAdapterError?: { cause?: { kind?: unknown; code?: unknown } } };
    message?: unknown;
    cause?: unknown;
  };
  if (error instanceof Prisma.PrismaClientInitializationError) return true;
  for (const prismaCode of [code, errorCode]) {
    if (typeof prismaCode === "string" && UNAVAILABLE_PRISMA_CODES.has(prismaCode)) return true;
  }
  const driver = meta?.driverAdapterError?.cause;
  if (typeof driver?.kind === "string" && UNAVAILABLE_DRIVER_KINDS.has(driver.kind)) return true;
  if (driver?.kind === "postgres" && typeof driver.code === "string" && UNAVAILABLE_SQLSTATE.test(driver.code)) return true;
  if (typeof code === "string" && (UNAVAILABLE_SOCKET_CODES.has(code) || UNAVAILABLE_SQLSTATE.test(code))) return true;
  if (typeof message === "string" && PG_CONNECTION_MESSAGE.test(message)) return true;
  return isDatabaseUnavailable(cause, depth + 1);
}
