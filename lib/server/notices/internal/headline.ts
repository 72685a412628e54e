import "server-only";
import { calendarDayOf } from "../../../domain/calendar-day.ts";
import type { AgreementStatus } from "../../../domain/dashboard.ts";
import { serverEnv } from "../../../env.ts";
import { readDistrictProgress, type ProgressProject } from "../../figures/district-progress.ts";

/** The headline progress residents and the public read: the dashboard's own figures (one
 *  function, lib/domain's progressFigures), and nothing about any one household. */
export type Headline = {
  signed: number;
  eligible: number;
  /** "95.08"; null when no household is eligible. */
  signingRate: string | null;
  signingThreshold: string;
  daysLeft: number | null;
  periodEnded: boolean;
  signingEnd: string | null;
  agreementStatus: AgreementStatus;
};

export const headlineProjectSelect = {
  id: true,
  signingStart: true,
  signingEnd: true,
  signingThreshold: true,
  firstRoundThreshold: true,
  agreementsEffectiveAt: true,
  signingFailedAt: true,
} as const;

export async function readHeadline(project: ProgressProject, now: Date): Promise<Headline> {
  const timeZone = serverEnv().LIANXIN_TIME_ZONE;
  const { figures } = (await readDistrictProgress([project], calendarDayOf(now, timeZone), timeZone)).get(project.id)!;
  return {
    signed: figures.signed,
    eligible: figures.eligible,
    signingRate: figures.signingRate,
    signingThreshold: figures.signingThreshold,
    daysLeft: figures.daysLeft,
    periodEnded: figures.periodEnded,
    signingEnd: project.signingEnd ? project.signingEnd.toISOString().slice(0, 10) : null,
    agreementStatus: figures.agreementStatus,
  };
}
