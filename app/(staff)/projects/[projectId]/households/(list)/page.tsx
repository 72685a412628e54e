import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { HouseholdList, householdListHref } from "@/components/households/household-list";
import { PageShell } from "@/components/layout/page-shell";
import { ProjectNav } from "@/components/projects/project-nav";
import { requireActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { serverEnv } from "@/lib/env";
import { formatters } from "@/lib/i18n/format";
import { getLocale, getTranslator } from "@/lib/i18n/server";
import { getHouseholdListOptions } from "@/lib/server/households/get-household-list-options";
import { listHouseholds } from "@/lib/server/households/list-households";
import { orNotFound } from "@/lib/server/or-not-found";
import { assignHouseholdsAction } from "./actions";

type Props = {
  params: Promise<{ projectId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("households.list.title") };
}

export default async function HouseholdListPage({ params, searchParams }: Props) {
  const actor = await requireActor();
  if (actor.role === "RESIDENT") redirect("/my-household");
  const [{ projectId }, search] = await Promise.all([params, searchParams]);
  // Filters that do not parse are dropped by the list's own parsing (the view shows everything
  // for that filter), so a VALIDATION here is a malformed project id: not found, as everywhere.
  const [t, locale, list, options] = await Promise.all([
    getTranslator(),
    getLocale(),
    orNotFound(listHouseholds(actor, { ...search, projectId })),
    orNotFound(getHouseholdListOptions(actor, { projectId })),
  ]);
  const base = `/projects/${projectId}/households`;
  return (
    <PageShell actor={actor} currentPath={householdListHref(base, list.query)}>
      <ProjectNav actor={actor} projectId={projectId} current="households" />
      <HouseholdList
        list={list}
        options={options}
        base={base}
        may={{
          assign: can(actor, "assign", "household"),
          export: can(actor, "export", "household"),
          import: can(actor, "import", "household"),
        }}
        assignAction={assignHouseholdsAction}
        t={t}
        format={formatters(locale, serverEnv().LIANXIN_TIME_ZONE)}
      />
    </PageShell>
  );
}
