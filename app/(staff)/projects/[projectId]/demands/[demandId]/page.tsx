import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { DemandFacts, DemandHistory } from "@/components/demands/demand-detail";
import { DemandMoves } from "@/components/demands/demand-moves";
import { PageShell } from "@/components/layout/page-shell";
import { ProjectNav } from "@/components/projects/project-nav";
import { requireActor } from "@/lib/auth/actor";
import { formatters } from "@/lib/i18n/format";
import { getLocale, getTranslator } from "@/lib/i18n/server";
import { getDemand } from "@/lib/server/demands/get-demand";
import { orNotFound } from "@/lib/server/or-not-found";
import { demandMoveAction } from "./actions";

type Props = { params: Promise<{ projectId: string; demandId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("demands.title") };
}

export default async function DemandPage({ params }: Props) {
  const actor = await requireActor();
  if (actor.role === "RESIDENT") redirect("/my-household");
  const { projectId, demandId } = await params;
  const [t, locale, demand] = await Promise.all([getTranslator(), getLocale(), orNotFound(getDemand(actor, { projectId, demandId }))]);
  const format = formatters(locale, demand.timeZone);
  const base = `/projects/${projectId}/demands`;

  return (
    <PageShell actor={actor} currentPath={`${base}/${demand.id}`}>
      <ProjectNav actor={actor} projectId={projectId} current="demands" />
      <Link href={base} className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-4">
        {t("demands.detail.back")}
      </Link>
      <div>
        <h1 className="text-2xl font-bold">{t("demands.detail.title", { code: demand.householdCode })}</h1>
        <p className="text-stone-700">
          {demand.project.name} · {demand.project.code}
        </p>
      </div>
      <DemandFacts demand={demand} t={t} format={format} />
      {demand.mayManage ? (
        <DemandMoves
          projectId={projectId}
          demandId={demand.id}
          householdId={demand.householdId}
          version={demand.version}
          moves={demand.moves}
          groups={demand.rerouteGroups.map((g) => ({ value: g.id, label: g.name }))}
          action={demandMoveAction}
          labels={{
            title: t("demands.moves.title"),
            start: t("demands.moves.start"),
            escalate: t("demands.moves.escalate"),
            escalateHint: t("demands.moves.escalateHint"),
            resolve: t("demands.moves.resolve"),
            resolution: t("demands.moves.resolution"),
            resolutionHint: t("demands.moves.resolutionHint"),
            reroute: t("demands.moves.reroute"),
            rerouteGroup: t("demands.moves.rerouteGroup"),
            chooseGroup: t("demands.moves.chooseGroup"),
            rerouteSubmit: t("demands.moves.rerouteSubmit"),
            pending: t("demands.moves.pending"),
            none: t("demands.detail.resolvedFinal"),
          }}
        />
      ) : (
        <p className="text-stone-700" data-testid="demand-no-moves">
          {demand.status === "RESOLVED" ? t("demands.detail.resolvedFinal") : t("demands.detail.noMoves")}
        </p>
      )}
      <DemandHistory demand={demand} t={t} format={format} />
    </PageShell>
  );
}
