// Where a request comes from, for sign-in throttling and the audit log. A client can write any
// header it likes, X-Forwarded-For included (Next itself only fills that header in when it is
// missing), so the only address the portal takes on trust is the TCP peer's: the portal's own
// server (scripts/serve.ts) writes it into CLIENT_ADDRESS_HEADER, overwriting whatever the client
// sent. X-Forwarded-For is read only when that peer is a configured trusted proxy
// (LIANXIN_TRUSTED_PROXY), and then only the hops that trusted proxies appended: it is walked from
// the right, and the first address that is not a trusted proxy is the client (docs/decisions/026).
// Plain module (no "server-only"): scripts/serve.ts imports it.
import { BlockList, isIP } from "node:net";
import type { IncomingMessage } from "node:http";

/** The TCP peer's address, set by the portal's own server and by nobody else. */
export const CLIENT_ADDRESS_HEADER = "x-lianxin-client-addr";

/** Writes the socket's address into CLIENT_ADDRESS_HEADER, replacing any value the client sent;
 *  removes the header when the socket has no address (it has closed). */
export function stampSocketAddress(req: IncomingMessage): void {
  const address = req.socket.remoteAddress;
  if (address) req.headers[CLIENT_ADDRESS_HEADER] = address;
  else delete req.headers[CLIENT_ADDRESS_HEADER];
}

/** An address as the portal compares and records it: IPv4-mapped IPv6 as plain IPv4, IPv6 in lower
 *  case without a zone; null for anything that is not an IP address. */
export function normaliseAddress(value: string | null | undefined): string | null {
  if (!value) return null;
  let address = value.trim().toLowerCase();
  if (address.startsWith("[") && address.endsWith("]")) address = address.slice(1, -1);
  address = address.replace(/%.*$/, "");
  if (address.startsWith("::ffff:") && isIP(address.slice(7)) === 4) address = address.slice(7);
  return isIP(address) ? address : null;
}

/** The trusted proxies of a setting: addresses or CIDR ranges separated by commas or spaces
 *  ("10.0.0.5, 192.168.0.0/16, fd00::/8"); null when the setting is empty. Throws on an entry that
 *  is neither, so a typo stops the server instead of silently trusting nobody. */
export function parseTrustedProxies(setting: string | undefined): BlockList | null {
  const entries = (setting ?? "").split(/[\s,]+/).filter(Boolean);
  if (entries.length === 0) return null;
  const list = new BlockList();
  for (const entry of entries) {
    const [host, prefix, extra] = entry.split("/");
    const address = normaliseAddress(host);
    const family = address ? isIP(address) : 0;
    const bits = prefix === undefined ? (family === 4 ? 32 : 128) : Number(prefix);
    if (!address || extra !== undefined || !Number.isInteger(bits) || bits < 0 || bits > (family === 4 ? 32 : 128)) {
      throw new Error(`LIANXIN_TRUSTED_PROXY: "${entry}" is not an IP address or a CIDR range`);
    }
    list.addSubnet(address, bits, family === 4 ? "ipv4" : "ipv6");
  }
  return list;
}

function isTrusted(address: string, trusted: BlockList): boolean {
  return trusted.check(address, isIP(address) === 4 ? "ipv4" : "ipv6");
}

/**
 * The client's address: the socket's, or — when the socket is a trusted proxy — the rightmost
 * X-Forwarded-For hop that is not a trusted proxy (hops left of it were written by the client and
 * prove nothing). A malformed hop ends the walk at the last trusted address. Null when the socket's
 * address is unknown (a server that does not set CLIENT_ADDRESS_HEADER, e.g. `next dev`).
 */
export function resolveClientAddress(
  request: { socket: string | null | undefined; forwardedFor: string | null | undefined },
  trusted: BlockList | null,
): string | null {
  let client = normaliseAddress(request.socket);
  if (!client || !trusted) return client;
  const hops = (request.forwardedFor ?? "").split(",");
  while (isTrusted(client, trusted) && hops.length > 0) {
    const hop = hops.pop()!.trim();
    if (!hop) continue;
    const next = normaliseAddress(hop);
    if (!next) break;
    client = next;
  }
  return client;
}

/** The range one party is assumed to control: an IPv4 address itself, an IPv6 address's /64
 *  (one home or phone connection gets a whole /64, so counting single IPv6 addresses would give an
 *  attacker 2^64 of them). */
export function addressBucket(address: string | null): string {
  if (!address) return "unknown";
  if (isIP(address) !== 6) return address;
  // An embedded IPv4 tail (64:ff9b::1.2.3.4) is the last two groups.
  const hex = address.replace(/(\d+)\.(\d+)\.(\d+)\.(\d+)$/, (_, a, b, c, d) =>
    [(Number(a) << 8) | Number(b), (Number(c) << 8) | Number(d)].map((n) => n.toString(16)).join(":"),
  );
  const [head = "", tail = ""] = hex.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = hex.includes("::") ? [...left, ...Array(8 - left.length - right.length).fill("0"), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((group) => Number.parseInt(group, 16).toString(16))
    .join(":")}::/64`;
}
