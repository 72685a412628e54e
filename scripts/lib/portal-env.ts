// The environment `npm start` gives the seed, the build and the Next workers: its own, with the
// portal's DATABASE_URL and secrets, and without the owner's URL. A Next worker that is taken
// over must not find a way to connect as the role that owns the tables (docs/decisions/027).
import type { TSecrets } from "./secrets.ts";

export function portalEnvironment(inherited: NodeJS.ProcessEnv, portal: { databaseUrl: string; secrets: TSecrets }): NodeJS.ProcessEnv {
  const { LIANXIN_MIGRATION_DATABASE_URL: _ownerUrl, ...rest } = inherited;
  return {
    ...rest,
    DATABASE_URL: portal.databaseUrl,
    NEXTAUTH_SECRET: portal.secrets.NEXTAUTH_SECRET,
    LIANXIN_DATA_KEY: portal.secrets.LIANXIN_DATA_KEY,
    AUTH_TRUST_HOST: inherited.AUTH_TRUST_HOST ?? "true",
    NEXT_TELEMETRY_DISABLED: "1",
  };
}
