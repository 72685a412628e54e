import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Several builds side by side (parallel test runs) each need their own output folder.
  distDir: process.env.LIANXIN_DIST_DIR ?? ".next",
  // The generated Prisma client and pg stay on the server as plain Node modules.
  serverExternalPackages: ["pg", "@prisma/adapter-pg"],
  poweredByHeader: false,
  // `npm test` type-checks every file (tests and scripts too) as its first step; the build does
  // not repeat it, so starting the portal does not wait for it.
  typescript: { ignoreBuildErrors: true },
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
    ];
  },
};

export default nextConfig;
