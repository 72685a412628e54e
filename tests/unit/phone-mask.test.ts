import { describe, expect, it } from "vitest";
import { isMaskedPhone, maskPhone } from "@/lib/security/phone";

describe("maskPhone", () => {
  it("keeps the first 3 and last 4 digits of a mobile number (DOMAIN.md: 138****0001)", () => {
    expect(maskPhone("13800000001")).toBe("138****0001");
  });
  it("drops separators and masks one star per hidden digit for landlines and overseas numbers", () => {
    expect(maskPhone("021-6328 1234")).toBe("021****1234");
    expect(maskPhone("+852 9123 4567")).toBe("+85*****4567");
  });
  it("keeps only the last 2 digits of a short number", () => {
    expect(maskPhone("12345")).toBe("***45");
  });
  it("never shows the hidden digits, and what it returns is recognised as masked", () => {
    const masked = maskPhone("13912345678");
    expect(masked).not.toContain("1234");
    expect(isMaskedPhone(masked)).toBe(true);
    expect(isMaskedPhone("13912345678")).toBe(false);
  });
});
