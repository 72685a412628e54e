// The household workflow (征收签约流程) as one state machine: given a household's facts, its
// project's phase and dates, and the time, may an event happen now — and if not, why not.
// Pure: no I/O; the clock is passed in. The use cases in lib/server/signing ask it before every
// write, and the household page asks it which actions to offer.
//
// Rules (DOMAIN.md, decisions written down here once):
// - Nothing is recorded in a CLOSED project.
// - An excluded household (不计入) takes part in nothing until it is included again; only
//   INCLUDE applies to it.
// - First-round vote (一轮征询): AGREE or DISAGREE, only in the FIRST_CONSULTATION phase; it may
//   be changed (and undone) while that phase lasts, and is fixed once it is over, because the
//   approval rate is the legal result of the consultation.
// - Signing (二轮征询签约): only in the SIGNING phase, on a day within the signing period when its
//   dates are set, not after the project failed, once per household. The signing time may be
//   entered after the fact but must lie within the period and not in the future. A DISAGREE vote
//   does not prevent signing: the second round is a household's own decision.
// - Move-out (搬迁): only after signing AND once the project's agreements are effective —
//   relocation follows effective agreements; a pending agreement may never take effect (a
//   project that fails its signing period), so nobody is moved on one. Not before the signing
//   nor before the agreements took effect.
// - Hand-over (交房): only after move-out, not before it.
// - Exclusion with a reason: not for a signed household (undo the signing first), so an
//   exclusion can never take a counted signing out of the figures unnoticed.
// - Undo (secretaries, with a reason): only the latest step of the road
//   signing → move-out → hand-over; a vote only while the consultation lasts. Undoing a vote
//   clears it (back to "no vote"), it does not restore an earlier one.
import type { ProjectPhase, Vote } from "../generated/prisma/enums.ts";
import { calendarDayOf, type CalendarDay } from "./calendar-day.ts";

export type WorkflowHousehold = {
  isExcluded: boolean;
  firstRoundVote: Vote | null;
  /** When the household signed; null when it has not. */
  signedAt: Date | null;
  movedOutAt: Date | null;
  handedOverAt: Date | null;
};

export type WorkflowProject = {
  phase: ProjectPhase;
  signingStart: CalendarDay | null;
  signingEnd: CalendarDay | null;
  /** When the agreements took effect (threshold reached); null while pending. */
  agreementsEffectiveAt: Date | null;
  /** Set when the signing period ended below the threshold. */
  signingFailedAt: Date | null;
};

export type WorkflowClock = { now: Date; timeZone: string };

export const UNDOABLE_STEPS = ["VOTE", "SIGNING", "MOVE_OUT", "HAND_OVER"] as const;
export type UndoableStep = (typeof UNDOABLE_STEPS)[number];

export type WorkflowEvent =
  | { kind: "VOTE"; vote: Vote }
  | { kind: "SIGN"; signedAt: Date }
  | { kind: "MOVE_OUT"; movedOutAt: Date }
  | { kind: "HAND_OVER"; handedOverAt: Date }
  | { kind: "EXCLUDE"; reason: string }
  | { kind: "INCLUDE" }
  | { kind: "UNDO"; step: UndoableStep };

export type WorkflowEventKind = WorkflowEvent["kind"];

/** Why an event may not happen. Each maps to a translated message (signing.refusals.*). */
export const REFUSALS = [
  "PROJECT_CLOSED",
  "EXCLUDED",
  "NOT_EXCLUDED",
  "VOTE_OUTSIDE_CONSULTATION",
  "SAME_VOTE",
  "SIGNING_OUTSIDE_PHASE",
  "SIGNING_NOT_OPEN",
  "SIGNING_CLOSED",
  "SIGNING_FAILED",
  "SIGNED_AT_OUTSIDE_PERIOD",
  "TIME_IN_FUTURE",
  "ALREADY_SIGNED",
  "NOT_SIGNED",
  "NOT_EFFECTIVE",
  "BEFORE_SIGNING",
  "BEFORE_EFFECTIVE",
  "ALREADY_MOVED_OUT",
  "NOT_MOVED_OUT",
  "BEFORE_MOVE_OUT",
  "ALREADY_HANDED_OVER",
  "SIGNED_NOT_EXCLUDABLE",
  "NOTHING_TO_UNDO",
  "NOT_LATEST_STEP",
] as const;
export type Refusal = (typeof REFUSALS)[number];

/** Refusals that mean "this already happened" — most often someone else was quicker. */
export const ALREADY_DONE: ReadonlySet<Refusal> = new Set(["ALREADY_SIGNED", "ALREADY_MOVED_OUT", "ALREADY_HANDED_OVER"]);

/** Whether `day` lies within the project's signing period (open-ended where a date is unset). */
export function isWithinSigningPeriod(project: Pick<WorkflowProject, "signingStart" | "signingEnd">, day: CalendarDay): boolean {
  if (project.signingStart && day < project.signingStart) return false;
  if (project.signingEnd && day > project.signingEnd) return false;
  return true;
}

/** Whether signings may be recorded today at all, whoever the household (the fast-entry screen
 *  asks this before any household is chosen). */
export function signingDeskRefusal(project: WorkflowProject, clock: WorkflowClock): Refusal | null {
  if (project.phase === "CLOSED") return "PROJECT_CLOSED";
  if (project.signingFailedAt) return "SIGNING_FAILED";
  if (project.phase !== "SIGNING") return "SIGNING_OUTSIDE_PHASE";
  const today = calendarDayOf(clock.now, clock.timeZone);
  if (project.signingStart && today < project.signingStart) return "SIGNING_NOT_OPEN";
  if (project.signingEnd && today > project.signingEnd) return "SIGNING_CLOSED";
  return null;
}

function undoRefusal(household: WorkflowHousehold, project: WorkflowProject, step: UndoableStep): Refusal | null {
  switch (step) {
    case "VOTE":
      if (project.phase !== "FIRST_CONSULTATION") return "VOTE_OUTSIDE_CONSULTATION";
      return household.firstRoundVote ? null : "NOTHING_TO_UNDO";
    case "SIGNING":
      if (!household.signedAt) return "NOTHING_TO_UNDO";
      return household.movedOutAt ? "NOT_LATEST_STEP" : null;
    case "MOVE_OUT":
      if (!household.movedOutAt) return "NOTHING_TO_UNDO";
      return household.handedOverAt ? "NOT_LATEST_STEP" : null;
    case "HAND_OVER":
      return household.handedOverAt ? null : "NOTHING_TO_UNDO";
  }
}

/** null when `event` may happen now, else the reason it may not. */
export function refusalOf(
  household: WorkflowHousehold,
  project: WorkflowProject,
  event: WorkflowEvent,
  clock: WorkflowClock,
): Refusal | null {
  if (project.phase === "CLOSED") return "PROJECT_CLOSED";
  if (event.kind === "INCLUDE") return household.isExcluded ? null : "NOT_EXCLUDED";
  if (household.isExcluded) return "EXCLUDED";

  switch (event.kind) {
    case "VOTE":
      if (project.phase !== "FIRST_CONSULTATION") return "VOTE_OUTSIDE_CONSULTATION";
      return household.firstRoundVote === event.vote ? "SAME_VOTE" : null;

    case "SIGN": {
      const desk = signingDeskRefusal(project, clock);
      if (desk) return desk;
      if (household.signedAt) return "ALREADY_SIGNED";
      if (event.signedAt.getTime() > clock.now.getTime()) return "TIME_IN_FUTURE";
      if (!isWithinSigningPeriod(project, calendarDayOf(event.signedAt, clock.timeZone))) return "SIGNED_AT_OUTSIDE_PERIOD";
      return null;
    }

    case "MOVE_OUT":
      if (!household.signedAt) return "NOT_SIGNED";
      if (household.movedOutAt) return "ALREADY_MOVED_OUT";
      if (!project.agreementsEffectiveAt) return "NOT_EFFECTIVE";
      if (event.movedOutAt.getTime() > clock.now.getTime()) return "TIME_IN_FUTURE";
      if (event.movedOutAt < household.signedAt) return "BEFORE_SIGNING";
      if (event.movedOutAt < project.agreementsEffectiveAt) return "BEFORE_EFFECTIVE";
      return null;

    case "HAND_OVER":
      if (!household.movedOutAt) return "NOT_MOVED_OUT";
      if (household.handedOverAt) return "ALREADY_HANDED_OVER";
      if (event.handedOverAt.getTime() > clock.now.getTime()) return "TIME_IN_FUTURE";
      if (event.handedOverAt < household.movedOutAt) return "BEFORE_MOVE_OUT";
      return null;

    case "EXCLUDE":
      return household.signedAt ? "SIGNED_NOT_EXCLUDABLE" : null;

    case "UNDO":
      return undoRefusal(household, project, event.step);
  }
}

/** The household's facts after an allowed event (what the use case writes). */
export function applyEvent(household: WorkflowHousehold, event: WorkflowEvent): WorkflowHousehold {
  switch (event.kind) {
    case "VOTE":
      return { ...household, firstRoundVote: event.vote };
    case "SIGN":
      return { ...household, signedAt: event.signedAt };
    case "MOVE_OUT":
      return { ...household, movedOutAt: event.movedOutAt };
    case "HAND_OVER":
      return { ...household, handedOverAt: event.handedOverAt };
    case "EXCLUDE":
      return { ...household, isExcluded: true };
    case "INCLUDE":
      return { ...household, isExcluded: false };
    case "UNDO":
      switch (event.step) {
        case "VOTE":
          return { ...household, firstRoundVote: null };
        case "SIGNING":
          return { ...household, signedAt: null };
        case "MOVE_OUT":
          return { ...household, movedOutAt: null };
        case "HAND_OVER":
          return { ...household, handedOverAt: null };
      }
  }
}

/** What may happen to the household right now, each event with its refusal (null = allowed).
 *  Times are "now"; the UI offers the allowed ones. */
export function workflowOptions(
  household: WorkflowHousehold,
  project: WorkflowProject,
  clock: WorkflowClock,
): {
  vote: Record<Vote, Refusal | null>;
  sign: Refusal | null;
  moveOut: Refusal | null;
  handOver: Refusal | null;
  exclude: Refusal | null;
  include: Refusal | null;
  undo: Record<UndoableStep, Refusal | null>;
} {
  const check = (event: WorkflowEvent) => refusalOf(household, project, event, clock);
  const now = clock.now;
  return {
    vote: { AGREE: check({ kind: "VOTE", vote: "AGREE" }), DISAGREE: check({ kind: "VOTE", vote: "DISAGREE" }) },
    sign: check({ kind: "SIGN", signedAt: now }),
    moveOut: check({ kind: "MOVE_OUT", movedOutAt: now }),
    handOver: check({ kind: "HAND_OVER", handedOverAt: now }),
    exclude: check({ kind: "EXCLUDE", reason: "" }),
    include: check({ kind: "INCLUDE" }),
    undo: {
      VOTE: check({ kind: "UNDO", step: "VOTE" }),
      SIGNING: check({ kind: "UNDO", step: "SIGNING" }),
      MOVE_OUT: check({ kind: "UNDO", step: "MOVE_OUT" }),
      HAND_OVER: check({ kind: "UNDO", step: "HAND_OVER" }),
    },
  };
}
