import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { liveLabels } from "@/components/live/live-labels";
import { LiveRefresh } from "@/components/live/live-refresh";
import { PageShell } from "@/components/layout/page-shell";
import { BattleMap } from "@/components/map/battle-map";
import { MapGroupFilter } from "@/components/map/map-group-filter";
import { ProjectNav } from "@/components/projects/project-nav";
import { requireActor } from "@/lib/auth/actor";
import { serverEnv } from "@/lib/env";
import { formatters } from "@/lib/i18n/format";
import { getLocale, getTranslator } from "@/lib/i18n/server";
import { getBattleMap } from "@/lib/server/map/get-battle-map";
import { orNotFound } from "@/lib/server/or-not-found";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("setup.map.title") };
}

type Props = { params: Promise<{ projectId: string }>; searchParams: Promise<{ group?: string | string[] }> };

export default async function BattleMapPage({ params, searchParams }: Props) {
  const actor = await requireActor();
  if (actor.role === "RESIDENT") redirect("/my-household");
  const { projectId } = await params;
  const { group } = await searchParams;
  const groupId = typeof group === "string" ? group : "";
  const [t, locale, map] = await Promise.all([getTranslator(), getLocale(), orNotFound(getBattleMap(actor, { projectId, groupId }))]);

  return (
    <PageShell actor={actor} currentPath={`/projects/${projectId}/map${groupId ? `?group=${groupId}` : ""}`}>
      <ProjectNav actor={actor} projectId={projectId} current="map" />
      <LiveRefresh projectId={projectId} labels={liveLabels(t)} />
      <div>
        <h1 className="text-2xl font-bold">
          {t("setup.map.title")} · {map.project.name}
        </h1>
        <p className="text-stone-700">{t("setup.map.description")}</p>
      </div>
      {map.groups.length > 1 ? <MapGroupFilter groups={map.groups} groupId={groupId} t={t} /> : null}
      <BattleMap map={map} t={t} format={formatters(locale, serverEnv().LIANXIN_TIME_ZONE)} />
    </PageShell>
  );
}
