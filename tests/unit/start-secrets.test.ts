// scripts/lib/secrets.ts: what `npm start` does with NEXTAUTH_SECRET and LIANXIN_DATA_KEY. The
// environment wins; what it lacks comes from (or is generated into) <data dir>/secrets.json, and
// then one warning line says the key sits beside the database. The portal's processes get the
// portal's database URL, never the owner's.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { portalEnvironment } from "@/scripts/lib/portal-env";
import { loadSecrets, secretsWarning } from "@/scripts/lib/secrets";

const dirs: string[] = [];
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "lianxin-secrets-"));
  dirs.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const FROM_ENV = { NEXTAUTH_SECRET: "s".repeat(43), LIANXIN_DATA_KEY: "ab".repeat(32) };

describe("the start-up secrets", () => {
  it("generates both into secrets.json (mode 0600) on a first start without them, warns in one line, and reads the same ones next time", () => {
    const dir = dataDir();
    const first = loadSecrets(dir, {});
    expect(first.secrets.LIANXIN_DATA_KEY).toMatch(/^[0-9a-f]{64}$/);
    expect(first.secrets.NEXTAUTH_SECRET.length).toBeGreaterThanOrEqual(32);
    const file = join(dir, "secrets.json");
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual(first.secrets);
    expect(statSync(file).mode & 0o777).toBe(0o600);

    const warning = secretsWarning(first);
    expect(warning).toContain(`NEXTAUTH_SECRET and LIANXIN_DATA_KEY are read from ${file}, beside the database`);
    expect(warning).toContain("in production supply them from the environment or a secrets manager");
    expect(warning).not.toContain("\n");

    const again = loadSecrets(dir, {});
    expect(again.secrets).toEqual(first.secrets);
    expect(secretsWarning(again)).toContain("beside the database");
  });

  it("takes both from the environment without a warning and writes no file", () => {
    const dir = dataDir();
    const loaded = loadSecrets(dir, FROM_ENV);
    expect(loaded.secrets).toEqual(FROM_ENV);
    expect(secretsWarning(loaded)).toBeNull();
    expect(() => statSync(join(dir, "secrets.json"))).toThrow();
  });

  it("the environment wins over the file; a secret only in the file is named in the warning; an environment secret is never written to the file", () => {
    const dir = dataDir();
    const file = join(dir, "secrets.json");
    writeFileSync(file, JSON.stringify({ NEXTAUTH_SECRET: "n".repeat(43), LIANXIN_DATA_KEY: "cd".repeat(32) }));
    const loaded = loadSecrets(dir, { LIANXIN_DATA_KEY: FROM_ENV.LIANXIN_DATA_KEY });
    expect(loaded.secrets).toEqual({ NEXTAUTH_SECRET: "n".repeat(43), LIANXIN_DATA_KEY: FROM_ENV.LIANXIN_DATA_KEY });
    expect(secretsWarning(loaded)).toMatch(/^warning: NEXTAUTH_SECRET is read from /);
    expect(JSON.parse(readFileSync(file, "utf8")).LIANXIN_DATA_KEY).toBe("cd".repeat(32));

    const fresh = dataDir();
    loadSecrets(fresh, { LIANXIN_DATA_KEY: FROM_ENV.LIANXIN_DATA_KEY });
    expect(readFileSync(join(fresh, "secrets.json"), "utf8")).not.toContain(FROM_ENV.LIANXIN_DATA_KEY);
  });
});

describe("the portal's environment", () => {
  it("carries the portal's database URL and secrets, and never the owner's URL", () => {
    const env = portalEnvironment(
      {
        NODE_ENV: "production",
        PATH: "/usr/bin",
        DATABASE_URL: "postgresql://lianxin_app:a@db/lianxin",
        LIANXIN_MIGRATION_DATABASE_URL: "postgresql://owner:o@db/lianxin",
      },
      { databaseUrl: "postgresql://lianxin_app:a@db/lianxin", secrets: FROM_ENV },
    );
    expect(env).toMatchObject({
      PATH: "/usr/bin",
      DATABASE_URL: "postgresql://lianxin_app:a@db/lianxin",
      ...FROM_ENV,
      AUTH_TRUST_HOST: "true",
    });
    expect(env).not.toHaveProperty("LIANXIN_MIGRATION_DATABASE_URL");
    expect(JSON.stringify(env)).not.toContain("owner:o");
  });
});
