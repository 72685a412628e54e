import { Button } from "@/components/ui/button";
import type { Translate } from "@/lib/i18n/translate";

// The battle map's group choice: a GET form, so the view of one group is a URL.
export function MapGroupFilter({ groups, groupId, t }: { groups: { id: string; name: string }[]; groupId: string; t: Translate }) {
  return (
    <form method="get" className="flex flex-wrap items-end gap-2">
      <div className="flex flex-col gap-1">
        <label htmlFor="map-group" className="text-sm font-medium">
          {t("setup.map.group")}
        </label>
        <select
          id="map-group"
          name="group"
          defaultValue={groupId}
          className="min-h-11 rounded-md border border-stone-400 bg-white px-3 py-2"
        >
          <option value="">{t("setup.map.allGroups")}</option>
          {groups.map((g) => (
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
  );
}
