import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LiveRefresh } from "@/components/live/live-refresh";
import { PageShell } from "@/components/layout/page-shell";
import { BattleMap } from "@/components/map/battle-map";
import { ProjectNav } from "@/components/projects/project-nav";
import { Button } from "@/components/ui/button";
import { requireActor } from "@/lib/auth/actor";
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
      <LiveRefresh projectId={projectId} labels={{ live: t("live.indicator.live"), connecting: t("live.indicator.connecting"), reconnecting: t("live.indicator.reconnecting") }} />
      <div>
        <h1 className="text-2xl font-bold">
          {t("setup.map.title")} · {map.project.name}
        </h1>
        <p className="text-stone-700">{t("setup.map.description")}</p>
      </div>
      {map.groups.length > 1 ? (
        <form method="get" className="flex flex-wrap items-end gap-2">
          <div className="flex flex-col gap-1">
            <label htmlFor="map-group" className="text-sm font-medium">
              {t("setup.map.group")}
            </label>
            <select id="map-group" name="group" defaultValue={groupId} className="min-h-11 rounded-md border border-stone-400 bg-white px-3 py-2">
              <option value="">{t("setup.map.allGroups")}</option>
              {map.groups.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name}
                </option>
              ))}
            </select>
          </div>
          <Button type="submit" variant="secondary">
            {t("setup.map.filter")}
          </Button>
        </form>
      ) : null}
      <BattleMap map={map} t={t} locale={locale} />
    </PageShell>
  );
}
