// Synthetic resident ID numbers (GB 11643-1999): real administrative region codes, plausible
// birth dates, the sex digit and a correct check character. They identify nobody: every digit
// after the region code is drawn from the seeded generator.

import { idNumberCheckDigit } from "../../lib/security/id-number.ts";
import type { OwnerLocation } from "../../lib/generated/prisma/enums.ts";
import type { Rng } from "./random.ts";

export type RegionSet = "SHANGHAI" | "SHENZHEN";

/** County-level division codes (GB/T 2260), grouped by where a person is registered. */
const REGION_CODES = {
  SHANGHAI: {
    local: ["310101", "310101", "310101", "310104", "310105", "310106", "310107", "310109", "310110", "310115"],
    otherCity: ["320505", "320583", "320106", "330106", "330282", "320402"],
  },
  SHENZHEN: {
    local: ["440303", "440303", "440303", "440304", "440305", "440306", "440307"],
    otherCity: ["440106", "441302", "440513", "441402", "440604", "441802"],
  },
  otherProvince: ["430102", "420102", "360102", "450103", "510104", "610103", "370102", "350102", "410105", "340104", "220102", "230103"],
  /** Residence permits of Hong Kong, Macao and Taiwan residents use 81/82/83 0000. */
  hkMacaoTw: ["810000", "810000", "820000", "830000"],
} as const;

export function randomRegionCode(rng: Rng, set: RegionSet, location: OwnerLocation = "LOCAL"): string {
  switch (location) {
    case "OTHER_CITY":
      return rng.pick(REGION_CODES[set].otherCity);
    case "OTHER_PROVINCE":
      return rng.pick(REGION_CODES.otherProvince);
    case "HK_MACAO_TW":
      return rng.pick(REGION_CODES.hkMacaoTw);
    default:
      // Many local residents were registered elsewhere at birth.
      return rng.chance(0.85) ? rng.pick(REGION_CODES[set].local) : rng.pick(REGION_CODES.otherProvince);
  }
}

/** An 18-digit ID number for someone of `sex` born in `birthYear` (month and day drawn). */
export function syntheticIdNumber(rng: Rng, regionCode: string, birthYear: number, sex: "M" | "F"): string {
  const month = rng.int(1, 12);
  const daysInMonth = new Date(Date.UTC(birthYear, month, 0)).getUTCDate();
  const day = rng.int(1, daysInMonth);
  // The third sequence digit is odd for men and even for women.
  const sexDigit = rng.int(0, 4) * 2 + (sex === "M" ? 1 : 0);
  const first17 =
    regionCode +
    String(birthYear).padStart(4, "0") +
    String(month).padStart(2, "0") +
    String(day).padStart(2, "0") +
    String(rng.int(0, 99)).padStart(2, "0") +
    String(sexDigit);
  return first17 + idNumberCheckDigit(first17);
}
