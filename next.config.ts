import type { NextConfig } from "next";

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
