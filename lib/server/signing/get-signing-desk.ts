import "server-only";
import { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { requirePermission } from "../../auth/permissions.ts";
import { householdScope, projectScope } from "../../auth/scope.ts";
import { db } from "../../db.ts";
import { calendarDayOf, instantFromWallClock } from "../../domain/calendar-day.ts";
import type { HouseholdState } from "../../domain/household-state.ts";
import { refusalOf, signingDeskRefusal, type Refusal } from "../../domain/household-workflow.ts";
import { AppError } from "../../errors.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import type { SigningChannel } from "../../generated/prisma/enums.ts";
import { parseInput } from "../../validation.ts";
import { readProjectFigures, type ProjectFigures } from "../figures/project-figures.ts";
import {
  stateOf,
  toWorkflowHousehold,
  toWorkflowProject,
  workflowClock,
  workflowHouseholdSelect,
  workflowProjectSelect,
} from "./workflow.ts";

const ZGetSigningDeskInput = z.object({
  projectId: z.uuid(),
  /** The household code typed or scanned; anything that is not a code finds nothing. */
  code: z.string().optional(),
});

const CODE_PATTERN = /^[A-Z0-9][A-Z0-9-]{0,63}$/;

const deskHouseholdSelect = {
  ...workflowHouseholdSelect,
  headName: true,
  address: true,
  signingGroup: { select: { name: true } },
} satisfies Prisma.HouseholdSelect;

export type DeskHousehold = {
  id: string;
  code: string;
  version: number;
  headName: string;
  address: string;
  groupName: string | null;
  state: HouseholdState;
  exclusionReason: string | null;
  signing: { agreementNumber: string; channel: SigningChannel; signedAt: Date } | null;
  /** null when it can be signed now, else why not. */
  signRefusal: Refusal | null;
};

export type SigningDesk = {
  project: { id: string; code: string; name: string; agreementsEffectiveAt: Date | null; signingFailedAt: Date | null };
  figures: ProjectFigures;
  /** Why no signing can be recorded today at all; null when the desk is open. */
  closedBecause: Refusal | null;
  lookup: null | { found: true; household: DeskHousehold } | { found: false; code: string };
  /** Signings the actor recorded in this project today, newest first. */
  recent: { householdId: string; code: string; headName: string; agreementNumber: string; channel: SigningChannel; signedAt: Date }[];
  timeZone: string;
};

/**
 * The launch-day fast-entry screen: the project's progress, the household a code finds among
 * those the actor may record for (another group's household is simply not found), and what the
 * actor recorded today. Only those who record household events (secretaries, group leaders) may
 * open it.
 */
export async function getSigningDesk(actor: Actor, input: unknown): Promise<SigningDesk> {
  requirePermission(actor, "record", "household-event");
  const { projectId, code: rawCode } = parseInput(ZGetSigningDeskInput, input);
  const project = await db().project.findFirst({
    where: { AND: [{ id: projectId }, projectScope(actor)] },
    select: { ...workflowProjectSelect, code: true, name: true },
  });
  if (!project) throw new AppError("NOT_FOUND");
  // Recording is granted per project (secretary) or per group (leader): someone who records
  // elsewhere but has no household of this project in that scope has nothing to do here.
  const recordable = await db().household.findFirst({
    where: { AND: [{ projectId }, householdScope(actor, "record", "household-event")] },
    select: { id: true },
  });
  if (!recordable) throw new AppError("FORBIDDEN", { detail: "no household of this project to record for" });

  const clock = workflowClock();
  const workflowProject = toWorkflowProject(project);
  const startOfToday = instantFromWallClock(`${calendarDayOf(clock.now, clock.timeZone)}T00:00`, clock.timeZone)!;
  const code = rawCode?.trim().toUpperCase() ?? "";

  const [figures, row, recent] = await Promise.all([
    // Counted now, not through the figure cache: the desk's page re-renders in the response to
    // its own signing, before that signing's notification (pg_notify, delivered after commit and
    // handed out up to 500 ms later) has moved the cache. Through the cache the desk would list
    // the signing under "recent" yet show the count and the gap from before it (decision 012).
    readProjectFigures([project], { fresh: true }),
    code && CODE_PATTERN.test(code)
      ? db().household.findFirst({
          where: { AND: [{ projectId, code }, householdScope(actor, "record", "household-event")] },
          select: deskHouseholdSelect,
        })
      : Promise.resolve(null),
    db().signing.findMany({
      where: { projectId, recordedById: actor.userId, createdAt: { gte: startOfToday } },
      select: {
        householdId: true,
        agreementNumber: true,
        channel: true,
        signedAt: true,
        household: { select: { code: true, headName: true } },
      },
      orderBy: { createdAt: "desc" },
      take: 50,
    }),
  ]);

  let lookup: SigningDesk["lookup"] = null;
  if (row) {
    const household = toWorkflowHousehold(row);
    lookup = {
      found: true,
      household: {
        id: row.id,
        code: row.code,
        version: row.version,
        headName: row.headName,
        address: row.address,
        groupName: row.signingGroup?.name ?? null,
        state: stateOf(household, row.visitLogs.length > 0),
        exclusionReason: row.exclusionReason,
        signing: row.signing
          ? { agreementNumber: row.signing.agreementNumber, channel: row.signing.channel, signedAt: row.signing.signedAt }
          : null,
        signRefusal: refusalOf(household, workflowProject, { kind: "SIGN", signedAt: clock.now }, clock),
      },
    };
  } else if (code) {
    lookup = { found: false, code: rawCode!.trim() };
  }

  return {
    project: {
      id: project.id,
      code: project.code,
      name: project.name,
      agreementsEffectiveAt: project.agreementsEffectiveAt,
      signingFailedAt: project.signingFailedAt,
    },
    figures: figures.get(project.id)!,
    closedBecause: signingDeskRefusal(workflowProject, clock),
    lookup,
    recent: recent.map((s) => ({
      householdId: s.householdId,
      code: s.household.code,
      headName: s.household.headName,
      agreementNumber: s.agreementNumber,
      channel: s.channel,
      signedAt: s.signedAt,
    })),
    timeZone: clock.timeZone,
  };
}
