import Link from "next/link";
import { HOUSEHOLD_STATES, type HouseholdState } from "@/lib/domain/household-state";
import type { Formatters } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import type { BattleMap as BattleMapData } from "@/lib/server/map/get-battle-map";

// Colour is never the only cue: every tile and legend entry also carries the state's letter,
// and each tile's accessible name says the state in words. Text contrast is at least 4.5:1.
export const STATE_TILE_CLASSES: Record<HouseholdState, string> = {
  NOT_CONTACTED: "border-2 border-dashed border-stone-500 bg-white text-stone-800",
  VISITED: "border-2 border-sky-700 bg-sky-100 text-sky-950",
  AGREED: "border-2 border-amber-700 bg-amber-200 text-amber-950",
  SIGNED: "border-2 border-emerald-900 bg-emerald-700 text-white",
  MOVED_OUT: "border-2 border-blue-900 bg-blue-700 text-white",
  HANDED_OVER: "border-2 border-stone-950 bg-stone-800 text-white",
  EXCLUDED: "border-2 border-stone-400 bg-stone-200 text-stone-800 line-through",
};

export function BattleMap({ map, t, format }: { map: BattleMapData; t: Translate; format: Formatters }) {
  return (
    <div className="flex flex-col gap-5">
      <section aria-labelledby="map-legend" className="rounded-lg border border-stone-200 bg-white p-3">
        <h2 id="map-legend" className="mb-2 text-lg font-semibold">
          {t("setup.map.legend")} · {t("setup.map.counts")}
        </h2>
        <ul className="flex flex-wrap gap-3" data-testid="map-legend">
          {HOUSEHOLD_STATES.map((state) => (
            <li key={state} className="flex items-center gap-2" data-testid={`map-count-${state}`}>
              <span
                aria-hidden="true"
                className={`inline-flex h-8 w-8 items-center justify-center rounded font-bold ${STATE_TILE_CLASSES[state]}`}
              >
                {t(`setup.map.letters.${state}`)}
              </span>
              <span>
                {t(`household.states.${state}`)} <strong className="tabular-nums">{format.number(map.counts[state])}</strong>
              </span>
            </li>
          ))}
        </ul>
      </section>
      {map.buildings.length === 0 ? (
        <p className="rounded-lg border border-dashed border-stone-300 bg-white p-6 text-stone-700" data-testid="map-empty">
          {t("setup.map.empty")}
        </p>
      ) : (
        <div className="flex flex-col gap-3">
          {map.buildings.map(({ building, tiles }) => (
            <section
              key={building}
              aria-label={`${building} · ${t("setup.map.buildingCount", { count: tiles.length })}`}
              className="rounded-lg border border-stone-200 bg-white p-3"
            >
              <h3 className="mb-2 font-semibold">
                {building}{" "}
                <span className="text-sm font-normal text-stone-600">
                  {t("setup.map.buildingCount", { count: format.number(tiles.length) })}
                </span>
              </h3>
              <ul className="flex flex-wrap gap-1.5">
                {tiles.map((tile) => (
                  <li key={tile.id}>
                    <Link
                      prefetch={false}
                      href={`/projects/${map.project.id}/households/${tile.id}`}
                      aria-label={t("setup.map.tile", { code: tile.code, state: t(`household.states.${tile.state}`) })}
                      title={t("setup.map.tile", { code: tile.code, state: t(`household.states.${tile.state}`) })}
                      data-state={tile.state}
                      className={`flex h-11 min-w-11 flex-col items-center justify-center rounded px-1 text-xs leading-tight ${STATE_TILE_CLASSES[tile.state]}`}
                    >
                      <span className="font-bold">{t(`setup.map.letters.${tile.state}`)}</span>
                      <span className="max-w-16 truncate">{tile.label}</span>
                    </Link>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </div>
  );
}
