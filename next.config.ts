import type { NextConfig } from "next";

/**
 * What a page may load and where it may send things (decision 024). A static header, not a nonce:
 * a per-request nonce needs proxy.ts on every request, and Next's inline flight scripts
 * (`self.__next_f.push`) then make every page wait for it. So inline scripts stay allowed, and the
 * policy does what a static one can: nothing loads or connects anywhere but this origin (an
 * injected script can fetch, post or load an image from nowhere else), no plugins, no <base>, no
 * form posts elsewhere, no framing. The dev server's React refresh needs eval.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${process.env.NODE_ENV === "development" ? " 'unsafe-eval'" : ""}`,
  // React renders style attributes; the chart draws SVG with them.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/** Powerful browser features, all off but the two the portal uses on its own pages: the big
 *  screen goes full screen, and the display-link form copies the link. Only features Chromium
 *  knows: an unknown one ("bluetooth") is logged as an error on every page. */
const PERMISSIONS_POLICY = [
  ...[
    "accelerometer",
    "browsing-topics",
    "camera",
    "display-capture",
    "geolocation",
    "gyroscope",
    "hid",
    "magnetometer",
    "microphone",
    "midi",
    "payment",
    "serial",
    "usb",
    "xr-spatial-tracking",
  ].map((feature) => `${feature}=()`),
  "fullscreen=(self)",
  "clipboard-write=(self)",
].join(", ");

const nextConfig: NextConfig = {
  // Several builds side by side (parallel test runs) each need their own output folder.
  distDir: process.env.LIANXIN_DIST_DIR ?? ".next",
  // The generated Prisma client and pg stay on the server as plain Node modules.
  serverExternalPackages: ["pg", "@prisma/adapter-pg"],
  poweredByHeader: false,
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Content-Security-Policy", value: CONTENT_SECURITY_POLICY },
          { key: "Permissions-Policy", value: PERMISSIONS_POLICY },
        ],
      },
      // robots.txt asks crawlers to stay out; this keeps a linked staff or resident address out of
      // an index all the same.
      ...["/projects/:path*", "/overview/:path*", "/my-household/:path*", "/display/:path*", "/api/:path*"].map((source) => ({
        source,
        headers: [{ key: "X-Robots-Tag", value: "noindex, nofollow" }],
      })),
    ];
  },
};

export default nextConfig;
