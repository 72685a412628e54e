// The notice rules of lib/domain/notices.ts: status by the clock, who may see a notice, when it
// may still be edited, and whether a disclosure period is open on a day (both ends included).
import { describe, expect, it } from "vitest";
import { disclosureState, isNoticeEditable, isNoticeVisible, noticeStatus } from "@/lib/domain/notices";

const now = new Date("2026-12-02T02:00:00Z");
const before = new Date(now.getTime() - 1);
const after = new Date(now.getTime() + 1);

describe("noticeStatus", () => {
  it("is a draft until it has a time, scheduled before that time, published from it, withdrawn whatever the time", () => {
    expect(noticeStatus({ publishedAt: null, withdrawnAt: null }, now)).toBe("DRAFT");
    expect(noticeStatus({ publishedAt: after, withdrawnAt: null }, now)).toBe("SCHEDULED");
    expect(noticeStatus({ publishedAt: now, withdrawnAt: null }, now)).toBe("PUBLISHED");
    expect(noticeStatus({ publishedAt: before, withdrawnAt: null }, now)).toBe("PUBLISHED");
    expect(noticeStatus({ publishedAt: before, withdrawnAt: now }, now)).toBe("WITHDRAWN");
    expect(noticeStatus({ publishedAt: after, withdrawnAt: now }, now)).toBe("WITHDRAWN");
  });

  it("lets residents and the public see only a published notice, and the staff edit only what nobody else has seen", () => {
    const cases = [
      { publishedAt: null, withdrawnAt: null, visible: false, editable: true },
      { publishedAt: after, withdrawnAt: null, visible: false, editable: true },
      { publishedAt: before, withdrawnAt: null, visible: true, editable: false },
      { publishedAt: before, withdrawnAt: now, visible: false, editable: false },
    ];
    for (const { visible, editable, ...times } of cases) {
      expect(isNoticeVisible(times, now)).toBe(visible);
      expect(isNoticeEditable(times, now)).toBe(editable);
    }
  });
});

describe("disclosureState", () => {
  const window = { start: "2026-12-01", end: "2026-12-30" };
  it("is open from the first to the last day, both included", () => {
    expect(disclosureState(window, "2026-11-30")).toBe("UPCOMING");
    expect(disclosureState(window, "2026-12-01")).toBe("OPEN");
    expect(disclosureState(window, "2026-12-30")).toBe("OPEN");
    expect(disclosureState(window, "2026-12-31")).toBe("CLOSED");
    expect(disclosureState({ start: "2026-12-31", end: "2027-01-02" }, "2027-01-01")).toBe("OPEN");
  });
});
