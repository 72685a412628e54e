import "server-only";
import type { BlockList } from "node:net";
import { headers } from "next/headers";
import { serverEnv } from "../env.ts";
import { CLIENT_ADDRESS_HEADER, parseTrustedProxies, resolveClientAddress } from "../security/client-address.ts";

// The client address of the request being answered, from the headers the portal's own server
// wrote (lib/security/client-address.ts says which are believed). One place, so the sign-in
// throttle and every audit row record the same address.

/** A request's headers as next/headers gives them, or as a plain record (next-auth's `req`). */
export type HeaderSource = Headers | Record<string, string | string[] | undefined>;

/** Who is signing in from where: the sign-in use cases throttle and audit by it. */
export type RequestOrigin = { address: string | null; userAgent: string | null };

let trustedProxies: { setting: string | undefined; list: BlockList | null } | undefined;

function configuredTrustedProxies(): BlockList | null {
  const setting = serverEnv().LIANXIN_TRUSTED_PROXY;
  if (!trustedProxies || trustedProxies.setting !== setting) trustedProxies = { setting, list: parseTrustedProxies(setting) };
  return trustedProxies.list;
}

function header(headers: HeaderSource, name: string): string | null {
  if (headers instanceof Headers) return headers.get(name);
  const value = headers[name];
  return Array.isArray(value) ? value.join(", ") : (value ?? null);
}

/** The client's address: the socket's, or the trusted proxies' account of it. */
export function clientAddressOf(headers: HeaderSource, trusted: BlockList | null = configuredTrustedProxies()): string | null {
  return resolveClientAddress(
    { socket: header(headers, CLIENT_ADDRESS_HEADER), forwardedFor: header(headers, "x-forwarded-for") },
    trusted,
  );
}

export function requestOriginOf(headers: HeaderSource, trusted?: BlockList | null): RequestOrigin {
  return { address: clientAddressOf(headers, trusted), userAgent: header(headers, "user-agent")?.slice(0, 300) ?? null };
}

/** Nobody knows where from: outside a request (scripts, tests). */
export const UNKNOWN_ORIGIN: RequestOrigin = { address: null, userAgent: null };

/** The origin of the request being answered (a page, an action, a route), or UNKNOWN_ORIGIN
 *  outside one. */
export async function currentRequestOrigin(): Promise<RequestOrigin> {
  let requestHeaders: Headers;
  try {
    requestHeaders = await headers();
  } catch {
    return UNKNOWN_ORIGIN;
  }
  return requestOriginOf(requestHeaders);
}
