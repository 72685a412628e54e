import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { liveSetting } from "../env.ts";

// Resident ID numbers (居民身份证号码) are the most sensitive field Lianxin holds. They are stored
// only as AES-256-GCM ciphertext plus a masked form for screens; the clear number exists in memory
// only while being encrypted or checked. Plain module (no "server-only") because the seed uses it.

const KEY_ENV = "LIANXIN_DATA_KEY";
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** GB 11643-1999 weights of the first 17 digits. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = "10X98765432";

/** The check character (0–9 or X) for the first 17 digits of an ID number. */
export function idNumberCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError("the first 17 characters of an ID number must be digits");
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** An 18-character ID number with a real calendar birth date and a correct check character. */
export function isValidIdNumber(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const birth = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || birth.getUTCFullYear() !== y || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d) return false;
  return idNumberCheckDigit(id.slice(0, 17)) === id[17];
}

/** 310101199001011234 → 310***********1234 (DOMAIN.md "Disclosure and masking": the first 3 and
 *  the last 4 digits). */
export function maskIdNumber(id: string): string {
  const clean = id.trim().toUpperCase();
  if (clean.length <= 10) return "*".repeat(Math.max(0, clean.length - 4)) + clean.slice(-4);
  return clean.slice(0, 3) + "*".repeat(clean.length - 7) + clean.slice(-4);
}

function resolveKey(key?: Buffer | string): Buffer {
  const source = key ?? liveSetting(KEY_ENV);
  if (source === undefined || source === "") {
    throw new Error(`${KEY_ENV} is not set: it must be 64 hex characters (a 32-byte AES-256 key) to encrypt ID numbers`);
  }
  if (Buffer.isBuffer(source)) {
    if (source.length !== 32) throw new Error(`the ID-number key must be 32 bytes, got ${source.length}`);
    return source;
  }
  if (!/^[0-9a-fA-F]{64}$/.test(source)) {
    throw new Error(`${KEY_ENV} is invalid: it must be 64 hex characters (a 32-byte AES-256 key)`);
  }
  return Buffer.from(source, "hex");
}

/** AES-256-GCM with a fresh random IV; result is base64 `iv.tag.ciphertext`. */
export function encryptIdNumber(id: string, key?: Buffer | string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", resolveKey(key), iv);
  const ciphertext = Buffer.concat([cipher.update(id, "utf8"), cipher.final()]);
  return [iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString("base64")).join(".");
}

/** Reverses encryptIdNumber; throws when the text was altered or another key was used. */
export function decryptIdNumber(cipherText: string, key?: Buffer | string): string {
  const parts = cipherText.split(".");
  if (parts.length !== 3) throw new Error("not an encrypted ID number (expected iv.tag.ciphertext)");
  const [iv, tag, data] = parts.map((part) => Buffer.from(part, "base64")) as [Buffer, Buffer, Buffer];
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new Error("not an encrypted ID number (bad iv or tag length)");
  const decipher = createDecipheriv("aes-256-gcm", resolveKey(key), iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(data), decipher.final()]).toString("utf8");
}
