import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import {
  HouseholdAssignSection,
  HouseholdEditSection,
  HouseholdFacts,
  HouseholdHeading,
  HouseholdMembers,
  HouseholdSigningSummary,
} from "@/components/households/household-detail";
import { HouseholdTimeline } from "@/components/households/household-timeline";
import { RaiseDemandForm } from "@/components/demands/raise-demand-form";
import { raiseDemandFormText } from "@/components/demands/raise-demand-text";
import { CreateTaskForm } from "@/components/tasks/create-task-form";
import { PageShell } from "@/components/layout/page-shell";
import { ProjectNav } from "@/components/projects/project-nav";
import { HouseholdSigningPanel } from "@/components/signing/household-signing-panel";
import { HouseholdPhoneSection, LogVisitSection } from "@/components/visits/log-visit-section";
import { requireActor } from "@/lib/auth/actor";
import type { Actor } from "@/lib/auth/actor-types";
import { canInProject } from "@/lib/auth/permissions";
import { calendarDayOf } from "@/lib/domain/calendar-day";
import { formatters } from "@/lib/i18n/format";
import { getLocale, getTranslator } from "@/lib/i18n/server";
import { getHousehold } from "@/lib/server/households/get-household";
import { getHouseholdListOptions } from "@/lib/server/households/get-household-list-options";
import { orNotFound } from "@/lib/server/or-not-found";
import { getHouseholdWorkflow } from "@/lib/server/signing/get-household-workflow";
import { listTaskAssignees } from "@/lib/server/tasks/list-task-assignees";
import { getVisitForm } from "@/lib/server/visits/get-visit-form";
import { assignHouseholdAction, updateHouseholdAction } from "./actions";
import { raiseDemandAction } from "./demand-actions";
import { householdEventAction } from "./signing-actions";
import { createTaskAction } from "./task-actions";
import { logVisitAction, revealPhoneAction } from "./visit-actions";

type Props = {
  params: Promise<{ projectId: string; householdId: string }>;
  /** `task`: the task a member came to log a visit for (from My tasks). */
  searchParams: Promise<{ task?: string | string[] }>;
};

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("households.list.title") };
}

/** The household with its signing workflow, the groups it may move to for those who assign, the
 *  visit form for those who log visits, and whom a task may go to for those who assign tasks. */
async function readHouseholdPage(actor: Actor, projectId: string, householdId: string) {
  const canAssign = canInProject(actor, "assign", "household", projectId);
  const [household, workflow, groups, visitForm, taskAssignees] = await Promise.all([
    orNotFound(getHousehold(actor, { projectId, householdId })),
    orNotFound(getHouseholdWorkflow(actor, { projectId, householdId })),
    canAssign ? orNotFound(getHouseholdListOptions(actor, { projectId })).then((o) => o.signingGroups) : null,
    canInProject(actor, "record", "visit", projectId) ? orNotFound(getVisitForm(actor, { projectId, householdId })) : null,
    canInProject(actor, "assign", "task", projectId) ? orNotFound(listTaskAssignees(actor, { projectId })).then((o) => o.assignees) : null,
  ]);
  return { household, workflow, groups, visitForm, taskAssignees };
}

export default async function HouseholdPage({ params, searchParams }: Props) {
  const actor = await requireActor();
  if (actor.role === "RESIDENT") redirect("/my-household");
  const [{ projectId, householdId }, query] = await Promise.all([params, searchParams]);
  const selectedTaskId = typeof query.task === "string" ? query.task : "";
  const [t, locale, { household, workflow, groups, visitForm, taskAssignees }] = await Promise.all([
    getTranslator(),
    getLocale(),
    readHouseholdPage(actor, projectId, householdId),
  ]);
  const f = formatters(locale, workflow.timeZone);
  const path = `/projects/${projectId}/households/${household.id}`;

  return (
    <PageShell actor={actor} currentPath={path}>
      <ProjectNav actor={actor} projectId={projectId} current="households" />
      <Link href={`/projects/${projectId}/households`} className="text-brand-700 underline underline-offset-4">
        {t("households.detail.back")}
      </Link>
      <HouseholdHeading household={household} t={t} />
      <HouseholdPhoneSection
        projectId={projectId}
        householdId={household.id}
        masked={household.phone}
        revealable={household.phoneRevealable}
        action={revealPhoneAction}
        t={t}
      />
      {visitForm ? <LogVisitSection form={visitForm} action={logVisitAction} selectedTaskId={selectedTaskId} t={t} f={f} /> : null}
      {taskAssignees ? (
        <CreateTaskForm
          projectId={projectId}
          householdId={household.id}
          assignees={taskAssignees}
          t={t}
          action={createTaskAction}
          today={calendarDayOf(new Date(), workflow.timeZone)}
        />
      ) : null}
      {visitForm && canInProject(actor, "create", "demand", projectId) ? (
        <RaiseDemandForm
          projectId={projectId}
          householdId={household.id}
          groups={visitForm.specialGroups.map((g) => ({ value: g.id, label: g.name }))}
          {...raiseDemandFormText(t)}
          action={raiseDemandAction}
        />
      ) : null}
      <HouseholdSigningPanel workflow={workflow} action={householdEventAction} t={t} locale={locale} />
      <HouseholdFacts household={household} t={t} locale={locale} f={f} />
      <HouseholdSigningSummary household={household} t={t} f={f} />
      <HouseholdMembers household={household} t={t} />
      {groups ? <HouseholdAssignSection household={household} groups={groups} t={t} action={assignHouseholdAction} /> : null}
      {canInProject(actor, "update", "household", projectId) ? (
        <HouseholdEditSection household={household} t={t} action={updateHouseholdAction} reloadHref={path} />
      ) : null}
      <HouseholdTimeline entries={household.timeline} t={t} locale={locale} format={f} />
    </PageShell>
  );
}
