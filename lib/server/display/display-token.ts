import "server-only";
import { createHash, randomBytes } from "node:crypto";

/** 32 random bytes, base64url: 43 characters that travel in a URL path as they are. */
export function newDisplayToken(): string {
  return randomBytes(32).toString("base64url");
}

export function isDisplayTokenShaped(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}

/** Only this hash is stored: a database dump does not open anyone's wall screen. */
export function hashDisplayToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
