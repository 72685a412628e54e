import { Button } from "@/components/ui/button";
import { CONTROL_CLASS } from "@/components/ui/form-field";
import type { CalendarDay } from "@/lib/domain/calendar-day";
import type { Translate } from "@/lib/i18n/translate";

/** A plain GET form: the day (not after today) and, when the reader has several, the group. */
export function ReportDayPicker({
  t,
  day,
  today,
  groups,
  groupId,
  view,
}: {
  t: Translate;
  day: CalendarDay;
  today: CalendarDay;
  groups?: { id: string; name: string }[];
  groupId?: string;
  /** Kept in the query so the secretary stays on a group's report. */
  view?: "group";
}) {
  return (
    <form method="get" className="flex flex-wrap items-end gap-3 print:hidden" aria-label={t("reports.dayPicker.legend")}>
      {view ? <input type="hidden" name="view" value={view} /> : null}
      <div className="flex flex-col gap-1">
        <label htmlFor="report-day" className="text-sm font-medium text-stone-800">
          {t("reports.dayPicker.day")}
        </label>
        <input id="report-day" type="date" name="day" defaultValue={day} max={today} className={CONTROL_CLASS} />
      </div>
      {groups && groups.length > 1 ? (
        <div className="flex flex-col gap-1">
          <label htmlFor="report-group" className="text-sm font-medium text-stone-800">
            {t("reports.dayPicker.group")}
          </label>
          <select id="report-group" name="group" defaultValue={groupId} className={CONTROL_CLASS}>
            {groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
        </div>
      ) : groupId ? (
        <input type="hidden" name="group" value={groupId} />
      ) : null}
      <Button type="submit" variant="secondary">
        {t("reports.dayPicker.show")}
      </Button>
    </form>
  );
}
