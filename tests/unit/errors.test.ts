import { describe, expect, it } from "vitest";
import { APP_ERROR_CODES, APP_ERROR_RULES, AppError, answerError, UNEXPECTED_ERROR_ANSWER } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { en } from "@/lib/i18n/messages/en";
import { zhCN } from "@/lib/i18n/messages/zh-CN";
import { lookup } from "@/lib/i18n/translate";

// The one table from an AppError to what a route, a page and an action answer with.
describe("APP_ERROR_RULES", () => {
  it("gives every code a status, a message in both catalogs and what a page does", () => {
    expect(Object.keys(APP_ERROR_RULES).sort()).toEqual([...APP_ERROR_CODES].sort());
    for (const answer of [...Object.values(APP_ERROR_RULES), UNEXPECTED_ERROR_ANSWER]) {
      expect(answer.status, answer.messageKey).toBeGreaterThanOrEqual(400);
      expect(lookup(zhCN, answer.messageKey), answer.messageKey).toEqual(expect.any(String));
      expect(lookup(en, answer.messageKey), answer.messageKey).toEqual(expect.any(String));
    }
  });

  it("answers each code with its status; a malformed id in a read is not found", () => {
    const answers = (kind: "read" | "write") =>
      Object.fromEntries(APP_ERROR_CODES.map((code) => [code, answerError(new AppError(code), kind)]));
    expect(answers("write")).toEqual({
      UNAUTHENTICATED: { status: 401, messageKey: "errors.UNAUTHENTICATED" },
      FORBIDDEN: { status: 403, messageKey: "errors.FORBIDDEN" },
      NOT_FOUND: { status: 404, messageKey: "errors.NOT_FOUND" },
      CONFLICT: { status: 409, messageKey: "errors.CONFLICT" },
      VALIDATION: { status: 400, messageKey: "errors.VALIDATION" },
      RATE_LIMITED: { status: 429, messageKey: "errors.RATE_LIMITED" },
      UNAVAILABLE: { status: 503, messageKey: "errors.UNAVAILABLE", retryAfterSeconds: 5 },
    });
    expect(answers("read")).toEqual({ ...answers("write"), VALIDATION: { status: 404, messageKey: "errors.NOT_FOUND" } });
  });

  it("answers anything else 500 with the generic message, whatever it says", () => {
    expect(answerError(new Error('relation "household" does not exist'), "read")).toEqual({ status: 500, messageKey: "errors.INTERNAL" });
    expect(answerError("thrown text", "write")).toEqual({ status: 500, messageKey: "errors.INTERNAL" });
  });

  // The shapes the pg driver adapter gives (seen against a stopped, a killed and a silent server:
  // tests/integration/database-outage.test.ts meets the first for real).
  it("answers a database that cannot be reached 503 UNAVAILABLE, and a wrong query still 500", () => {
    const adapterError = (cause: Record<string, unknown>) => ({ driverAdapterError: { name: "DriverAdapterError", cause } });
    const known = (code: string, meta: Record<string, unknown>) =>
      new Prisma.PrismaClientKnownRequestError("Invalid `prisma.user.findFirst()` invocation", { code, clientVersion: "7", meta });
    const unreachable = [
      known("P1001", adapterError({ kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5432 })),
      known("P2010", adapterError({ kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5432 })),
      known("P2010", adapterError({ kind: "ConnectionClosed" })),
      known("P2010", adapterError({ kind: "postgres", code: "57P01", message: "terminating connection due to administrator command" })),
      known("P2010", adapterError({ kind: "postgres", code: "57P03", message: "the database system is starting up" })),
      new Prisma.PrismaClientInitializationError("Can't reach database server at 127.0.0.1:5432", "7"),
      new Error("Connection terminated unexpectedly"),
      new Error("Connection terminated due to connection timeout"),
      new Error("timeout exceeded when trying to connect"),
      Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }),
      new Error("wrapped", { cause: new Error("Client has encountered a connection error and is not queryable") }),
    ];
    for (const error of unreachable) {
      for (const kind of ["read", "write"] as const) {
        expect(answerError(error, kind), String(error)).toEqual({ status: 503, messageKey: "errors.UNAVAILABLE", retryAfterSeconds: 5 });
      }
    }
    const wrong = [
      known("P2002", { modelName: "User", target: ["phone"] }),
      known("P2010", adapterError({ kind: "postgres", code: "42P01", message: 'relation "household" does not exist' })),
      new Error("connection to 10.0.0.7 refused"),
    ];
    for (const error of wrong) expect(answerError(error, "read"), String(error)).toEqual(UNEXPECTED_ERROR_ANSWER);
  });

  it("renders the not-found page for forbidden, out of scope and malformed, and nothing else", () => {
    const notFoundOnPages = APP_ERROR_CODES.filter((code) => APP_ERROR_RULES[code].page === "not-found");
    expect(notFoundOnPages.sort()).toEqual(["FORBIDDEN", "NOT_FOUND", "VALIDATION"]);
  });
});
