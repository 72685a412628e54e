// What the household timeline says each event recorded, in both languages: the vote and its
// round (and what it replaced), the signing's channel, agreement number and time, the move-out
// and hand-over dates, and what an undo took back.
import { describe, expect, it } from "vitest";
import { householdLines } from "@/components/households/household-timeline";
import { formatters } from "@/lib/i18n/format";
import { createTranslator, type Locale } from "@/lib/i18n/translate";
import type { TimelineEntry } from "@/lib/server/households/get-household";

const ZONE = "Asia/Shanghai";
type Audit = Extract<TimelineEntry, { kind: "audit" }>;

function lines(locale: Locale, action: string, before: Record<string, unknown> | null, after: Record<string, unknown> | null): string[] {
  const entry: Audit = { kind: "audit", id: "a", at: new Date(), entity: "household", action, actorName: null, before, after, names: {} };
  return householdLines(entry, createTranslator(locale), locale, formatters(locale, ZONE));
}

const signing = { signed: true, agreementNumber: "BXL-2026-0042", channel: "HOME_VISIT", signedAt: "2026-11-30T16:30:00.000Z" };

describe("household timeline lines", () => {
  it("says the vote, its round and what it replaced", () => {
    expect(lines("zh-CN", "record:vote", { firstRoundVote: null }, { firstRoundVote: "DISAGREE" })).toEqual(["第一轮征询：不同意"]);
    expect(lines("zh-CN", "record:vote", { firstRoundVote: "DISAGREE" }, { firstRoundVote: "AGREE" })).toEqual([
      "第一轮征询：同意（原为不同意）",
    ]);
    expect(lines("en", "record:vote", { firstRoundVote: "DISAGREE" }, { firstRoundVote: "AGREE" })).toEqual([
      "First round: Agree (was Disagree)",
    ]);
    expect(lines("en", "undo:vote", { firstRoundVote: "AGREE" }, { firstRoundVote: null, reason: "录错户" })).toEqual([
      "Undone: first-round Agree",
      "Reason: 录错户",
    ]);
  });

  it("says the signing's channel, agreement number and time in the zone", () => {
    const zh = lines("zh-CN", "record:signing", { signed: false }, signing);
    expect(zh[0]).toBe("签约方式：上门签约；协议编号：BXL-2026-0042");
    expect(zh[1]).toMatch(/^签约时间：2026年12月1日 00:30$/);
    expect(lines("en", "record:signing", { signed: false }, signing)[0]).toBe("Channel: Home visit; agreement no. BXL-2026-0042");
    // An undone signing says which one it was.
    expect(lines("zh-CN", "undo:signing", signing, { signed: false, reason: "协议编号录错" })).toEqual([
      "签约方式：上门签约；协议编号：BXL-2026-0042",
      zh[1],
      "原因：协议编号录错",
    ]);
  });

  it("says the move-out and hand-over dates", () => {
    expect(lines("zh-CN", "record:move-out", { movedOutAt: null }, { movedOutAt: "2027-01-04T17:00:00.000Z" })).toEqual([
      "搬离日期：2027年1月5日",
    ]);
    expect(lines("en", "record:hand-over", { handedOverAt: null }, { handedOverAt: "2027-01-06T02:00:00.000Z" })).toEqual([
      "Handed over on Jan 6, 2027",
    ]);
  });
});
