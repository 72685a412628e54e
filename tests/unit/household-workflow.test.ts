import { describe, expect, it } from "vitest";
import {
  applyEvent,
  refusalOf,
  signingDeskRefusal,
  workflowOptions,
  type WorkflowClock,
  type WorkflowEvent,
  type WorkflowHousehold,
  type WorkflowProject,
} from "@/lib/domain/household-workflow";

// 2025-03-14 10:00 in Shanghai.
const clock: WorkflowClock = { now: new Date("2025-03-14T02:00:00Z"), timeZone: "Asia/Shanghai" };
const at = (iso: string) => new Date(iso);

const fresh: WorkflowHousehold = { isExcluded: false, firstRoundVote: null, signedAt: null, movedOutAt: null, handedOverAt: null };
const signed: WorkflowHousehold = { ...fresh, firstRoundVote: "AGREE", signedAt: at("2025-03-10T01:00:00Z") };
const movedOut: WorkflowHousehold = { ...signed, movedOutAt: at("2025-03-12T01:00:00Z") };
const handedOver: WorkflowHousehold = { ...movedOut, handedOverAt: at("2025-03-13T01:00:00Z") };
const excluded: WorkflowHousehold = { ...fresh, isExcluded: true };

const consultation: WorkflowProject = {
  phase: "FIRST_CONSULTATION",
  signingStart: "2025-03-20",
  signingEnd: "2025-04-30",
  agreementsEffectiveAt: null,
  signingFailedAt: null,
};
const signing: WorkflowProject = { ...consultation, phase: "SIGNING", signingStart: "2025-03-01", signingEnd: "2025-03-31" };
const effective: WorkflowProject = { ...signing, agreementsEffectiveAt: at("2025-03-11T01:00:00Z") };

const refusal = (h: WorkflowHousehold, p: WorkflowProject, e: WorkflowEvent, c: WorkflowClock = clock) => refusalOf(h, p, e, c);

describe("first-round vote", () => {
  it("is recorded during the first-round consultation and may be changed while it lasts", () => {
    expect(refusal(fresh, consultation, { kind: "VOTE", vote: "AGREE" })).toBeNull();
    expect(refusal(fresh, consultation, { kind: "VOTE", vote: "DISAGREE" })).toBeNull();
    const agreed = applyEvent(fresh, { kind: "VOTE", vote: "AGREE" });
    expect(agreed.firstRoundVote).toBe("AGREE");
    expect(refusal(agreed, consultation, { kind: "VOTE", vote: "DISAGREE" })).toBeNull();
    expect(applyEvent(agreed, { kind: "VOTE", vote: "DISAGREE" }).firstRoundVote).toBe("DISAGREE");
  });

  it("refuses the vote the household already gave", () => {
    expect(refusal({ ...fresh, firstRoundVote: "AGREE" }, consultation, { kind: "VOTE", vote: "AGREE" })).toBe("SAME_VOTE");
  });

  it("is refused in every other phase", () => {
    for (const phase of ["PREPARATION", "NOTICE", "SIGNING", "RELOCATION", "CLEARED"] as const) {
      expect(refusal(fresh, { ...consultation, phase }, { kind: "VOTE", vote: "AGREE" })).toBe("VOTE_OUTSIDE_CONSULTATION");
    }
  });

  it("is refused for an excluded household", () => {
    expect(refusal(excluded, consultation, { kind: "VOTE", vote: "AGREE" })).toBe("EXCLUDED");
  });
});

describe("signing", () => {
  const sign = (signedAt = clock.now): WorkflowEvent => ({ kind: "SIGN", signedAt });

  it("is allowed in the signing phase within the signing period, whatever the first-round vote", () => {
    expect(refusal(fresh, signing, sign())).toBeNull();
    expect(refusal({ ...fresh, firstRoundVote: "DISAGREE" }, signing, sign())).toBeNull();
    expect(applyEvent(fresh, sign()).signedAt).toEqual(clock.now);
  });

  it("is allowed on the first and on the last day of the period (Shanghai days)", () => {
    // 2025-03-01 00:05 in Shanghai is still 2025-02-28 in UTC.
    const firstMorning: WorkflowClock = { ...clock, now: at("2025-02-28T16:05:00Z") };
    expect(refusal(fresh, signing, sign(firstMorning.now), firstMorning)).toBeNull();
    // 2025-03-31 23:55 in Shanghai.
    const lastNight: WorkflowClock = { ...clock, now: at("2025-03-31T15:55:00Z") };
    expect(refusal(fresh, signing, sign(lastNight.now), lastNight)).toBeNull();
  });

  it("is refused before the period opens and after it ends", () => {
    const dayBefore: WorkflowClock = { ...clock, now: at("2025-02-28T15:55:00Z") };
    expect(refusal(fresh, signing, sign(dayBefore.now), dayBefore)).toBe("SIGNING_NOT_OPEN");
    const dayAfter: WorkflowClock = { ...clock, now: at("2025-03-31T16:00:00Z") };
    expect(refusal(fresh, signing, sign(dayAfter.now), dayAfter)).toBe("SIGNING_CLOSED");
  });

  it("is open-ended where the period has no dates", () => {
    expect(refusal(fresh, { ...signing, signingStart: null, signingEnd: null }, sign())).toBeNull();
  });

  it("is refused outside the signing phase", () => {
    for (const phase of ["PREPARATION", "NOTICE", "FIRST_CONSULTATION", "RELOCATION", "CLEARED"] as const) {
      expect(refusal(fresh, { ...signing, phase }, sign())).toBe("SIGNING_OUTSIDE_PHASE");
    }
  });

  it("is refused once the project failed its signing period", () => {
    expect(refusal(fresh, { ...signing, signingFailedAt: at("2025-03-13T16:00:00Z") }, sign())).toBe("SIGNING_FAILED");
  });

  it("is refused twice, for excluded households and in a closed project", () => {
    expect(refusal(signed, signing, sign())).toBe("ALREADY_SIGNED");
    expect(refusal(excluded, signing, sign())).toBe("EXCLUDED");
    expect(refusal(fresh, { ...signing, phase: "CLOSED" }, sign())).toBe("PROJECT_CLOSED");
  });

  it("takes a time entered after the fact, within the period and not in the future", () => {
    expect(refusal(fresh, signing, sign(at("2025-03-02T01:00:00Z")))).toBeNull();
    expect(refusal(fresh, signing, sign(at("2025-02-28T01:00:00Z")))).toBe("SIGNED_AT_OUTSIDE_PERIOD");
    expect(refusal(fresh, signing, sign(at("2025-03-14T02:01:00Z")))).toBe("TIME_IN_FUTURE");
  });

  it("stays open after the agreements took effect, up to every household", () => {
    expect(refusal(fresh, effective, sign())).toBeNull();
  });
});

describe("move-out and hand-over", () => {
  const moveOut = (movedOutAt = clock.now): WorkflowEvent => ({ kind: "MOVE_OUT", movedOutAt });
  const handOver = (handedOverAt = clock.now): WorkflowEvent => ({ kind: "HAND_OVER", handedOverAt });

  it("moves a signed household out once the agreements are effective", () => {
    expect(refusal(signed, effective, moveOut())).toBeNull();
    expect(refusal(signed, { ...effective, phase: "RELOCATION" }, moveOut())).toBeNull();
    expect(applyEvent(signed, moveOut()).movedOutAt).toEqual(clock.now);
  });

  it("does not move anyone out on a pending agreement", () => {
    expect(refusal(signed, signing, moveOut())).toBe("NOT_EFFECTIVE");
  });

  it("needs the signing first, and only once", () => {
    expect(refusal(fresh, effective, moveOut())).toBe("NOT_SIGNED");
    expect(refusal(movedOut, effective, moveOut())).toBe("ALREADY_MOVED_OUT");
    expect(refusal(excluded, effective, moveOut())).toBe("EXCLUDED");
  });

  it("keeps the times in order and out of the future", () => {
    expect(refusal(signed, effective, moveOut(at("2025-03-09T01:00:00Z")))).toBe("BEFORE_SIGNING");
    expect(refusal(signed, effective, moveOut(at("2025-03-10T12:00:00Z")))).toBe("BEFORE_EFFECTIVE");
    expect(refusal(signed, effective, moveOut(at("2025-03-15T01:00:00Z")))).toBe("TIME_IN_FUTURE");
  });

  it("hands over after the move-out, once", () => {
    expect(refusal(movedOut, effective, handOver())).toBeNull();
    expect(applyEvent(movedOut, handOver()).handedOverAt).toEqual(clock.now);
    expect(refusal(signed, effective, handOver())).toBe("NOT_MOVED_OUT");
    expect(refusal(handedOver, effective, handOver())).toBe("ALREADY_HANDED_OVER");
    expect(refusal(movedOut, effective, handOver(at("2025-03-11T01:00:00Z")))).toBe("BEFORE_MOVE_OUT");
    expect(refusal(movedOut, effective, handOver(at("2025-03-15T01:00:00Z")))).toBe("TIME_IN_FUTURE");
  });

  it("records nothing in a closed project", () => {
    expect(refusal(signed, { ...effective, phase: "CLOSED" }, moveOut())).toBe("PROJECT_CLOSED");
  });
});

describe("exclusion and inclusion", () => {
  it("excludes an unsigned household with a reason and includes it again", () => {
    expect(refusal(fresh, signing, { kind: "EXCLUDE", reason: "权属争议" })).toBeNull();
    const out = applyEvent(fresh, { kind: "EXCLUDE", reason: "权属争议" });
    expect(out.isExcluded).toBe(true);
    expect(refusal(out, signing, { kind: "INCLUDE" })).toBeNull();
    expect(applyEvent(out, { kind: "INCLUDE" }).isExcluded).toBe(false);
  });

  it("does not exclude a signed household nor exclude twice", () => {
    expect(refusal(signed, signing, { kind: "EXCLUDE", reason: "x" })).toBe("SIGNED_NOT_EXCLUDABLE");
    expect(refusal(excluded, signing, { kind: "EXCLUDE", reason: "x" })).toBe("EXCLUDED");
  });

  it("includes only an excluded household", () => {
    expect(refusal(fresh, signing, { kind: "INCLUDE" })).toBe("NOT_EXCLUDED");
    expect(refusal(excluded, { ...signing, phase: "CLOSED" }, { kind: "INCLUDE" })).toBe("PROJECT_CLOSED");
  });
});

describe("undo", () => {
  const undo = (step: "VOTE" | "SIGNING" | "MOVE_OUT" | "HAND_OVER"): WorkflowEvent => ({ kind: "UNDO", step });

  it("takes back only the latest step of signing → move-out → hand-over", () => {
    expect(refusal(handedOver, effective, undo("HAND_OVER"))).toBeNull();
    expect(refusal(handedOver, effective, undo("MOVE_OUT"))).toBe("NOT_LATEST_STEP");
    expect(refusal(handedOver, effective, undo("SIGNING"))).toBe("NOT_LATEST_STEP");
    expect(refusal(movedOut, effective, undo("MOVE_OUT"))).toBeNull();
    expect(refusal(movedOut, effective, undo("SIGNING"))).toBe("NOT_LATEST_STEP");
    expect(refusal(signed, effective, undo("SIGNING"))).toBeNull();
  });

  it("clears what it takes back", () => {
    expect(applyEvent(handedOver, undo("HAND_OVER"))).toEqual(movedOut);
    expect(applyEvent(movedOut, undo("MOVE_OUT"))).toEqual(signed);
    expect(applyEvent(signed, undo("SIGNING"))).toEqual({ ...fresh, firstRoundVote: "AGREE" });
    expect(applyEvent({ ...fresh, firstRoundVote: "DISAGREE" }, undo("VOTE"))).toEqual(fresh);
  });

  it("has nothing to undo on a household without that step", () => {
    expect(refusal(fresh, effective, undo("SIGNING"))).toBe("NOTHING_TO_UNDO");
    expect(refusal(signed, effective, undo("MOVE_OUT"))).toBe("NOTHING_TO_UNDO");
    expect(refusal(movedOut, effective, undo("HAND_OVER"))).toBe("NOTHING_TO_UNDO");
    expect(refusal(fresh, consultation, undo("VOTE"))).toBe("NOTHING_TO_UNDO");
  });

  it("undoes a vote only while the consultation lasts", () => {
    expect(refusal({ ...fresh, firstRoundVote: "AGREE" }, consultation, undo("VOTE"))).toBeNull();
    expect(refusal({ ...fresh, firstRoundVote: "AGREE" }, signing, undo("VOTE"))).toBe("VOTE_OUTSIDE_CONSULTATION");
  });

  it("undoes a signing after the period failed or the agreements took effect (effectiveness is not undone here)", () => {
    expect(refusal(signed, { ...signing, signingFailedAt: at("2025-04-01T00:00:00Z") }, undo("SIGNING"))).toBeNull();
    expect(refusal(signed, effective, undo("SIGNING"))).toBeNull();
  });

  it("does nothing on an excluded household or in a closed project", () => {
    expect(refusal({ ...excluded, firstRoundVote: "AGREE" }, consultation, undo("VOTE"))).toBe("EXCLUDED");
    expect(refusal(signed, { ...effective, phase: "CLOSED" }, undo("SIGNING"))).toBe("PROJECT_CLOSED");
  });
});

describe("the signing desk and the offered actions", () => {
  it("says whether signings can be recorded today at all", () => {
    expect(signingDeskRefusal(signing, clock)).toBeNull();
    expect(signingDeskRefusal(consultation, clock)).toBe("SIGNING_OUTSIDE_PHASE");
    expect(signingDeskRefusal({ ...signing, signingEnd: "2025-03-13" }, clock)).toBe("SIGNING_CLOSED");
  });

  it("offers exactly the allowed events", () => {
    const options = workflowOptions(signed, effective, clock);
    expect(options.sign).toBe("ALREADY_SIGNED");
    expect(options.moveOut).toBeNull();
    expect(options.handOver).toBe("NOT_MOVED_OUT");
    expect(options.exclude).toBe("SIGNED_NOT_EXCLUDABLE");
    expect(options.include).toBe("NOT_EXCLUDED");
    expect(options.undo).toEqual({
      VOTE: "VOTE_OUTSIDE_CONSULTATION",
      SIGNING: null,
      MOVE_OUT: "NOTHING_TO_UNDO",
      HAND_OVER: "NOTHING_TO_UNDO",
    });
    expect(options.vote).toEqual({ AGREE: "VOTE_OUTSIDE_CONSULTATION", DISAGREE: "VOTE_OUTSIDE_CONSULTATION" });
  });
});
