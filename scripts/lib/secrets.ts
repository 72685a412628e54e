// The portal's two secrets: NEXTAUTH_SECRET (signs session cookies) and LIANXIN_DATA_KEY
// (encrypts ID numbers at rest). Taken from the environment; what the environment lacks is read
// from, or generated into, <data dir>/secrets.json, so the demo starts with one command. That
// file sits beside the database, so whoever copies the data dir (a backup, a stolen disk) has
// the key to the ciphers in it too: fine for a demo, not for production (docs/operations.md).
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const SECRET_NAMES = ["NEXTAUTH_SECRET", "LIANXIN_DATA_KEY"] as const;
export type TSecretName = (typeof SECRET_NAMES)[number];
export type TSecrets = Record<TSecretName, string>;

export type TLoadedSecrets = {
  secrets: TSecrets;
  /// The file the secrets not in the environment came from (or were written to).
  file: string;
  /// The names taken from that file rather than from the environment.
  fromFile: TSecretName[];
};

const GENERATE: Record<TSecretName, () => string> = {
  NEXTAUTH_SECRET: () => randomBytes(32).toString("base64url"),
  LIANXIN_DATA_KEY: () => randomBytes(32).toString("hex"),
};

export function loadSecrets(dataDir: string, env: Record<string, string | undefined> = process.env): TLoadedSecrets {
  const file = join(dataDir, "secrets.json");
  const stored = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Record<string, string>) : {};
  const fromFile = SECRET_NAMES.filter((name) => !env[name]);
  const secrets = Object.fromEntries(SECRET_NAMES.map((name) => [name, env[name] || stored[name] || GENERATE[name]()])) as TSecrets;
  if (fromFile.length > 0) {
    writeFileSync(file, JSON.stringify({ ...stored, ...Object.fromEntries(fromFile.map((name) => [name, secrets[name]])) }, null, 2), {
      mode: 0o600,
    });
  }
  return { secrets, file, fromFile };
}

/// One line for the start-up log when any secret lives beside the data, else null.
export function secretsWarning(loaded: TLoadedSecrets): string | null {
  if (loaded.fromFile.length === 0) return null;
  return (
    `warning: ${loaded.fromFile.join(" and ")} ${loaded.fromFile.length > 1 ? "are" : "is"} read from ${loaded.file}, ` +
    "beside the database: fine for a demo; in production supply them from the environment or a secrets manager (docs/operations.md)"
  );
}
