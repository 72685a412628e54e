import { z } from "zod";

// Server environment, parsed once. DATABASE_URL is filled in by scripts/start.ts when the
// embedded Postgres is used, so it is optional only at build time.
const ZServerEnv = z.object({
  DATABASE_URL: z.string().url().optional(),
  NEXTAUTH_SECRET: z.string().min(32).optional(),
  /// 32-byte key (hex) for encrypting ID numbers at rest.
  LIANXIN_DATA_KEY: z
    .string()
    .regex(/^[0-9a-f]{64}$/i)
    .optional(),
  LIANXIN_TIME_ZONE: z.string().default("Asia/Shanghai"),
  DB_POOL_MAX: z.coerce.number().int().positive().default(10),
  /// The reverse proxies in front of the portal (addresses or CIDR ranges, comma-separated): only
  /// from these is X-Forwarded-For believed (lib/security/client-address.ts). Unset: nobody's.
  LIANXIN_TRUSTED_PROXY: z.string().optional(),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
});

export type TServerEnv = z.infer<typeof ZServerEnv>;

let cached: TServerEnv | undefined;

export function serverEnv(): TServerEnv {
  cached ??= ZServerEnv.parse(process.env);
  return cached;
}

export function requireDatabaseUrl(): string {
  const url = serverEnv().DATABASE_URL ?? process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set (scripts/start.ts sets it for the embedded Postgres)");
  return url;
}

/** Settings read at each call instead of from the parsed snapshot, because the seed, scripts and
 *  tests set them after this module has loaded (a benchmark switches the figure cache off and on
 *  within one run; the seed makes a data key when none is given). */
export function liveSetting(name: "LIANXIN_DATA_KEY" | "LIANXIN_FIGURE_CACHE"): string | undefined {
  return process.env[name];
}
