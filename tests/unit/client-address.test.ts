import { createServer, request, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import {
  CLIENT_ADDRESS_HEADER,
  addressBucket,
  normaliseAddress,
  parseTrustedProxies,
  resolveClientAddress,
  stampSocketAddress,
} from "@/lib/security/client-address";

describe("the portal's own server", () => {
  it("overwrites a client-sent client-address header with the socket's address", async () => {
    // What scripts/serve.ts does to every request before Next sees it.
    let seen: IncomingHttpHeaders = {};
    const server = createServer((req, res) => {
      stampSocketAddress(req);
      seen = req.headers;
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      await new Promise<void>((resolve, reject) => {
        const req = request(
          { host: "127.0.0.1", port, headers: { [CLIENT_ADDRESS_HEADER]: "8.8.8.8", "x-forwarded-for": "8.8.4.4" } },
          (res) => {
            res.resume();
            res.on("end", resolve);
          },
        );
        req.on("error", reject);
        req.end();
      });
    } finally {
      server.close();
    }
    expect(seen[CLIENT_ADDRESS_HEADER]).toBe("127.0.0.1");
    expect(
      resolveClientAddress({ socket: seen[CLIENT_ADDRESS_HEADER] as string, forwardedFor: seen["x-forwarded-for"] as string }, null),
    ).toBe("127.0.0.1");
  });
});

describe("resolveClientAddress", () => {
  const proxy = parseTrustedProxies("10.0.0.1, 10.0.1.0/24");

  it("ignores X-Forwarded-For without a trusted proxy", () => {
    expect(resolveClientAddress({ socket: "198.51.100.1", forwardedFor: "8.8.8.8" }, null)).toBe("198.51.100.1");
    expect(resolveClientAddress({ socket: "198.51.100.1", forwardedFor: "8.8.8.8" }, proxy)).toBe("198.51.100.1");
  });

  it("takes the rightmost hop that is not a trusted proxy, behind one", () => {
    expect(resolveClientAddress({ socket: "10.0.0.1", forwardedFor: "198.51.100.2" }, proxy)).toBe("198.51.100.2");
    // The client wrote 8.8.8.8; the proxies appended the rest.
    expect(resolveClientAddress({ socket: "10.0.0.1", forwardedFor: "8.8.8.8, 198.51.100.3, 10.0.1.7" }, proxy)).toBe("198.51.100.3");
    // A malformed hop stops the walk at the last trusted address.
    expect(resolveClientAddress({ socket: "10.0.0.1", forwardedFor: "8.8.8.8, not-an-ip" }, proxy)).toBe("10.0.0.1");
    expect(resolveClientAddress({ socket: "10.0.0.1", forwardedFor: undefined }, proxy)).toBe("10.0.0.1");
  });

  it("has no address when the server did not say (next dev)", () => {
    expect(resolveClientAddress({ socket: undefined, forwardedFor: "8.8.8.8" }, proxy)).toBeNull();
  });
});

describe("addresses", () => {
  it("are compared in one form", () => {
    expect(normaliseAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(normaliseAddress(" 2001:DB8::1 ")).toBe("2001:db8::1");
    expect(normaliseAddress("[fe80::1%eth0]")).toBe("fe80::1");
    expect(normaliseAddress("8.8.8.8:443")).toBeNull();
    expect(normaliseAddress("<script>")).toBeNull();
  });

  it("count an IPv6 connection's whole /64 as one address", () => {
    expect(addressBucket("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(addressBucket("2001:db8:1:2:bbbb:cccc:dddd:eeee")).toBe("2001:db8:1:2::/64");
    expect(addressBucket("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(addressBucket("::1")).toBe("0:0:0:0::/64");
    expect(addressBucket("64:ff9b::1.2.3.4")).toBe("64:ff9b:0:0::/64");
    expect(addressBucket("198.51.100.4")).toBe("198.51.100.4");
    expect(addressBucket(null)).toBe("unknown");
  });

  it("of trusted proxies are addresses or CIDR ranges, and a typo stops the server", () => {
    expect(parseTrustedProxies(undefined)).toBeNull();
    expect(parseTrustedProxies(" ")).toBeNull();
    const list = parseTrustedProxies("127.0.0.1 fd00::/8,192.168.0.0/16")!;
    expect(list.check("192.168.4.5", "ipv4")).toBe(true);
    expect(list.check("fd12::1", "ipv6")).toBe(true);
    expect(list.check("127.0.0.2", "ipv4")).toBe(false);
    expect(() => parseTrustedProxies("10.0.0.0/33")).toThrow(/LIANXIN_TRUSTED_PROXY/);
    expect(() => parseTrustedProxies("proxy.internal")).toThrow(/LIANXIN_TRUSTED_PROXY/);
  });
});
