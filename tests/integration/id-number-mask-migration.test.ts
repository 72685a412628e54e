// The migration that re-masks stored ID numbers to DOMAIN.md's form (first 3 and last 4) gives
// every stored mask exactly what maskIdNumber() now gives for the clear number behind it.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { decryptIdNumber, maskIdNumber } from "@/lib/security/id-number";
import { seedProject } from "../../prisma/seed/factories.ts";

const MIGRATION = fileURLToPath(new URL("../../prisma/migrations/20261201010000_id_number_mask/migration.sql", import.meta.url));

/** The mask the earlier rule stored: the first 6 and the last 4. */
function earlierMask(id: string): string {
  return id.slice(0, 6) + "*".repeat(id.length - 10) + id.slice(-4);
}

describe("re-masking stored ID numbers", () => {
  it("turns the earlier 6 + 4 masks into 3 + 4, the form new rows get", async () => {
    await seedProject(db(), { households: 8, signingGroups: 1 });
    const members = await db().householdMember.findMany({
      where: { idNumberCipher: { not: null } },
      select: { id: true, idNumberCipher: true },
    });
    expect(members.length).toBeGreaterThan(0);
    for (const m of members) {
      await db().householdMember.update({ where: { id: m.id }, data: { idNumberMasked: earlierMask(decryptIdNumber(m.idNumberCipher!)) } });
    }

    await db().$executeRawUnsafe(readFileSync(MIGRATION, "utf8"));

    const after = await db().householdMember.findMany({
      where: { idNumberCipher: { not: null } },
      select: { idNumberCipher: true, idNumberMasked: true },
    });
    for (const m of after) expect(m.idNumberMasked).toBe(maskIdNumber(decryptIdNumber(m.idNumberCipher!)));
    expect(after[0]!.idNumberMasked).toMatch(/^\d{3}\*{11}[\dX]{4}$/);
  });
});
