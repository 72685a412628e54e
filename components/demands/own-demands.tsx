import type { Formatters } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import type { DemandListPage } from "@/lib/server/demands/list-demands";

/** A resident's own demands, newest first: what they asked, who handles it, where it stands and
 *  the answer once there is one. */
export function OwnDemands({ items, t, format }: { items: DemandListPage["items"]; t: Translate; format: Formatters }) {
  if (items.length === 0) return <p className="text-stone-700">{t("demands.resident.empty")}</p>;
  const newestFirst = [...items].sort((a, b) => b.raisedAt.getTime() - a.raisedAt.getTime());
  return (
    <ul className="flex flex-col gap-3" data-testid="own-demands">
      {newestFirst.map((demand) => (
        <li key={demand.id} className="flex flex-col gap-1 rounded-lg border border-stone-200 bg-white p-4" data-testid="own-demand">
          <p className="flex flex-wrap items-center gap-2">
            <span className="font-semibold">{t(`demands.categories.${demand.category}`)}</span>
            <span className="rounded bg-stone-100 px-2 py-0.5 text-sm" data-testid="own-demand-status">
              {t(`demands.statuses.${demand.status}`)}
            </span>
          </p>
          <p className="whitespace-pre-line break-words">{demand.description}</p>
          <p className="text-sm text-stone-700">
            {t("demands.resident.raisedAt", { at: format.dateTime(demand.raisedAt) })}
            {demand.groupName ? ` · ${t("demands.resident.handledBy", { group: demand.groupName })}` : ""}
          </p>
          {demand.resolution ? (
            <p className="whitespace-pre-line break-words rounded bg-stone-50 p-2" data-testid="own-demand-answer">
              {t("demands.resident.answer", { text: demand.resolution })}
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
