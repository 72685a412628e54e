// Invariants of the household workflow over random sequences of events: whatever is recorded
// in whatever order, the facts stay consistent, refusals change nothing, and undoing the step
// just recorded restores the facts as they were.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { householdState } from "@/lib/domain/household-state";
import {
  applyEvent,
  refusalOf,
  UNDOABLE_STEPS,
  type WorkflowClock,
  type WorkflowEvent,
  type WorkflowHousehold,
  type WorkflowProject,
} from "@/lib/domain/household-workflow";

const PHASES = ["PREPARATION", "NOTICE", "FIRST_CONSULTATION", "SIGNING", "RELOCATION", "CLEARED", "CLOSED"] as const;
const START = Date.parse("2025-03-01T00:00:00+08:00");
const DAY = 86_400_000;

const fresh: WorkflowHousehold = { isExcluded: false, firstRoundVote: null, signedAt: null, movedOutAt: null, handedOverAt: null };

const arbProject: fc.Arbitrary<WorkflowProject> = fc.record({
  phase: fc.constantFrom(...PHASES),
  signingStart: fc.constantFrom(null, "2025-03-01"),
  signingEnd: fc.constantFrom(null, "2025-03-20"),
  agreementsEffectiveAt: fc.constantFrom(null, new Date(START + 2 * DAY)),
  signingFailedAt: fc.constantFrom(null, null, new Date(START + 21 * DAY)),
});

/** Times within ±10 days of the signing start, to the minute. */
const arbTime = fc.integer({ min: -10 * 24 * 60, max: 30 * 24 * 60 }).map((minutes) => new Date(START + minutes * 60_000));

const arbEvent: fc.Arbitrary<WorkflowEvent> = fc.oneof(
  fc.constantFrom("AGREE" as const, "DISAGREE" as const).map((vote) => ({ kind: "VOTE" as const, vote })),
  arbTime.map((signedAt) => ({ kind: "SIGN" as const, signedAt })),
  arbTime.map((movedOutAt) => ({ kind: "MOVE_OUT" as const, movedOutAt })),
  arbTime.map((handedOverAt) => ({ kind: "HAND_OVER" as const, handedOverAt })),
  fc.constant({ kind: "EXCLUDE" as const, reason: "权属争议" }),
  fc.constant({ kind: "INCLUDE" as const }),
  fc.constantFrom(...UNDOABLE_STEPS).map((step) => ({ kind: "UNDO" as const, step })),
);

const arbClock: fc.Arbitrary<WorkflowClock> = arbTime.map((now) => ({ now, timeZone: "Asia/Shanghai" }));

/** Replays events, applying only the allowed ones. */
function replay(project: WorkflowProject, events: WorkflowEvent[], clock: WorkflowClock): WorkflowHousehold {
  return events.reduce((h, e) => (refusalOf(h, project, e, clock) === null ? applyEvent(h, e) : h), fresh);
}

function isConsistent(h: WorkflowHousehold): boolean {
  if (h.handedOverAt && !h.movedOutAt) return false;
  if (h.movedOutAt && !h.signedAt) return false;
  if (h.isExcluded && h.signedAt) return false;
  if (h.signedAt && h.movedOutAt && h.movedOutAt < h.signedAt) return false;
  if (h.movedOutAt && h.handedOverAt && h.handedOverAt < h.movedOutAt) return false;
  return true;
}

describe("household workflow invariants", () => {
  it("keeps every reachable household consistent: hand-over ⇒ move-out ⇒ signing, never excluded and signed, times in order", () => {
    fc.assert(
      fc.property(arbProject, fc.array(arbEvent, { maxLength: 30 }), arbClock, (project, events, clock) => {
        let h = fresh;
        for (const event of events) {
          if (refusalOf(h, project, event, clock) === null) h = applyEvent(h, event);
          expect(isConsistent(h)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("undoing the step just recorded restores the facts", () => {
    const undoOf = { SIGN: "SIGNING", MOVE_OUT: "MOVE_OUT", HAND_OVER: "HAND_OVER" } as const;
    fc.assert(
      fc.property(arbProject, fc.array(arbEvent, { maxLength: 20 }), arbEvent, arbClock, (project, events, last, clock) => {
        const before = replay(project, events, clock);
        if (!(last.kind in undoOf) || refusalOf(before, project, last, clock) !== null) return;
        const after = applyEvent(before, last);
        const undo: WorkflowEvent = { kind: "UNDO", step: undoOf[last.kind as keyof typeof undoOf] };
        expect(refusalOf(after, project, undo, clock)).toBeNull();
        expect(applyEvent(after, undo)).toEqual(before);
      }),
      { numRuns: 500 },
    );
  });

  it("signs only in the signing phase of a project that has not failed, within the period, once", () => {
    fc.assert(
      fc.property(arbProject, fc.array(arbEvent, { maxLength: 20 }), arbTime, arbClock, (project, events, signedAt, clock) => {
        const h = replay(project, events, clock);
        if (refusalOf(h, project, { kind: "SIGN", signedAt }, clock) !== null) return;
        expect(project.phase).toBe("SIGNING");
        expect(project.signingFailedAt).toBeNull();
        expect(h.signedAt).toBeNull();
        expect(h.isExcluded).toBe(false);
        expect(signedAt.getTime()).toBeLessThanOrEqual(clock.now.getTime());
      }),
      { numRuns: 500 },
    );
  });

  it("moves out only on effective agreements, and no step follows an exclusion", () => {
    fc.assert(
      fc.property(arbProject, fc.array(arbEvent, { maxLength: 20 }), arbEvent, arbClock, (project, events, event, clock) => {
        const h = replay(project, events, clock);
        if (refusalOf(h, project, event, clock) !== null) return;
        if (event.kind === "MOVE_OUT") expect(project.agreementsEffectiveAt).not.toBeNull();
        if (h.isExcluded) expect(event.kind).toBe("INCLUDE");
        if (project.phase === "CLOSED") expect.unreachable("nothing is recorded in a closed project");
      }),
      { numRuns: 500 },
    );
  });

  it("never reaches a household state the battle map cannot show", () => {
    fc.assert(
      fc.property(arbProject, fc.array(arbEvent, { maxLength: 30 }), arbClock, (project, events, clock) => {
        const h = replay(project, events, clock);
        const state = householdState({ ...h, isSigned: h.signedAt !== null, hasBeenVisited: false });
        if (h.signedAt) expect(["SIGNED", "MOVED_OUT", "HANDED_OVER"]).toContain(state);
        if (h.isExcluded) expect(state).toBe("EXCLUDED");
      }),
      { numRuns: 300 },
    );
  });
});
