// Seeded pseudo-random numbers for the demo-data generator. The same seed always yields the same
// sequence on every platform, so the same seed and anchor date produce the same demo data.
//
// sfc32 (Chris Doty-Humphrey's Small Fast Counting generator) passes PractRand and is four 32-bit
// additions and rotations a number; seeds are hashed to 128 bits with xmur3.

export type Rng = {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max] (both inclusive). */
  int(min: number, max: number): number;
  /** Uniform in [min, max). */
  float(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks a value with probability proportional to its weight. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T;
  /** Fisher–Yates, in place; returns the same array. */
  shuffle<T>(items: T[]): T[];
  /** Normal distribution (Box–Muller). */
  normal(mean: number, sd: number): number;
  /** An independent stream derived from this generator's seed and a label, whatever has been drawn so far. */
  fork(label: string): Rng;
  /** A UUIDv7 whose timestamp is `ms` and whose random bits come from this generator. */
  uuid7(ms: number): string;
  readonly seed: string;
};

/** xmur3: string → stream of 32-bit hashes, used to seed sfc32. */
function xmur3(text: string): () => number {
  let h = 1779033703 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  return () => {
    h = Math.imul(h ^ (h >>> 16), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    h ^= h >>> 16;
    return h >>> 0;
  };
}

/** 32-bit hash of a string, for deriving small stable numbers (phone blocks, codes) from names. */
export function hashString(text: string): number {
  return xmur3(text)();
}

function sfc32(a: number, b: number, c: number, d: number): () => number {
  return () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

export function createRng(seed: string | number): Rng {
  const seedText = String(seed);
  const hash = xmur3(seedText);
  const raw = sfc32(hash(), hash(), hash(), hash());
  // Discard the first outputs: sfc32 mixes poorly for the first few draws after seeding.
  for (let i = 0; i < 15; i++) raw();

  let spareNormal: number | undefined;

  const rng: Rng = {
    seed: seedText,
    next: raw,
    int(min, max) {
      if (max < min) throw new RangeError(`int(${min}, ${max}): max < min`);
      return min + Math.floor(raw() * (max - min + 1));
    },
    float(min, max) {
      return min + raw() * (max - min);
    },
    chance(p) {
      return raw() < p;
    },
    pick(items) {
      if (items.length === 0) throw new RangeError("pick() from an empty list");
      return items[Math.floor(raw() * items.length)] as (typeof items)[number];
    },
    weighted(entries) {
      let total = 0;
      for (const [, w] of entries) total += w;
      if (!(total > 0)) throw new RangeError("weighted() needs a positive total weight");
      let x = raw() * total;
      for (const [value, w] of entries) {
        x -= w;
        if (x < 0) return value;
      }
      return entries[entries.length - 1]![0];
    },
    shuffle(items) {
      for (let i = items.length - 1; i > 0; i--) {
        const j = Math.floor(raw() * (i + 1));
        const tmp = items[i] as (typeof items)[number];
        items[i] = items[j] as (typeof items)[number];
        items[j] = tmp;
      }
      return items;
    },
    normal(mean, sd) {
      if (spareNormal !== undefined) {
        const z = spareNormal;
        spareNormal = undefined;
        return mean + sd * z;
      }
      let u = 0;
      while (u === 0) u = raw();
      const v = raw();
      const r = Math.sqrt(-2 * Math.log(u));
      spareNormal = r * Math.sin(2 * Math.PI * v);
      return mean + sd * r * Math.cos(2 * Math.PI * v);
    },
    fork(label) {
      return createRng(`${seedText}/${label}`);
    },
    uuid7(ms) {
      const bytes = new Array<number>(16);
      let t = Math.max(0, Math.floor(ms));
      for (let i = 5; i >= 0; i--) {
        bytes[i] = t % 256;
        t = Math.floor(t / 256);
      }
      for (let i = 6; i < 16; i++) bytes[i] = Math.floor(raw() * 256);
      bytes[6] = 0x70 | (bytes[6]! & 0x0f); // version 7
      bytes[8] = 0x80 | (bytes[8]! & 0x3f); // RFC 4122 variant
      const h = bytes.map((b) => HEX[b]).join("");
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
    },
  };
  return rng;
}

/**
 * Splits `total` into integer parts proportional to `weights` (largest-remainder method), so
 * designed totals such as "1,392 signed on day one" come out exact.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  if (weights.length === 0) {
    if (total !== 0) throw new RangeError(`cannot apportion ${total} over no parts`);
    return [];
  }
  const sum = weights.reduce((a, b) => a + b, 0);
  if (!(sum > 0)) throw new RangeError("apportion() needs a positive total weight");
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let rest = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; rest > 0; k = (k + 1) % order.length, rest--) parts[order[k]![1]]! += 1;
  return parts;
}
