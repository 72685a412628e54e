import Link from "next/link";
import type { Formatters } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import type { ActionState } from "@/lib/server/action";
import type { ReceptionWeek, StaffSlot } from "@/lib/server/reception/list-reception-slots";
import { SlotEditForms, type SlotEditLabels } from "./slot-forms";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

/** The previous / this / next week links of the staff's reception page. */
export function ReceptionWeekNav({ week, path, t, format }: { week: ReceptionWeek; path: string; t: Translate; format: Formatters }) {
  const link = "inline-flex min-h-11 items-center rounded-md border border-stone-300 bg-white px-3 py-2 text-base hover:bg-stone-100";
  return (
    <nav aria-label={t("reception.staff.week", { from: format.day(week.weekStart) })} className="flex flex-wrap items-center gap-2">
      <h2 className="mr-2 text-xl font-semibold">{t("reception.staff.week", { from: format.day(week.weekStart) })}</h2>
      <Link className={link} href={`${path}?week=${week.previousWeek}`}>
        {t("reception.staff.previousWeek")}
      </Link>
      <Link className={link} href={path}>
        {t("reception.staff.thisWeek")}
      </Link>
      <Link className={link} href={`${path}?week=${week.nextWeek}`}>
        {t("reception.staff.nextWeek")}
      </Link>
    </nav>
  );
}

function SlotCard({
  week,
  slot,
  t,
  format,
  editLabels,
  capacityAction,
  cancelAction,
}: {
  week: ReceptionWeek;
  slot: StaffSlot;
  t: Translate;
  format: Formatters;
  editLabels: SlotEditLabels;
  capacityAction: Action;
  cancelAction: Action;
}) {
  const editable = week.mayManage && slot.status === "OPEN" && !slot.hasStarted;
  return (
    <li className="flex flex-col gap-2 rounded-lg border border-stone-200 bg-white p-4" data-testid={`reception-slot-${slot.id}`}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <p className="font-semibold">
          {t("reception.timeRange", { start: format.time(slot.startsAt), end: format.time(slot.endsAt) })} · {slot.room} ·{" "}
          {t(`reception.modes.${slot.mode}`)}
        </p>
        <p data-testid="reception-slot-seats">
          {slot.status === "CANCELLED"
            ? t("reception.staff.cancelled", { reason: slot.cancelReason ?? "" })
            : t("reception.seats", { taken: slot.seatsTaken, capacity: slot.capacity })}
          {slot.status === "OPEN" && slot.hasStarted ? ` · ${t("reception.staff.started")}` : null}
        </p>
      </div>
      {slot.status === "OPEN" ? (
        <div>
          <h4 className="text-sm font-medium text-stone-700">{t("reception.staff.bookings")}</h4>
          {slot.bookings.length === 0 ? (
            <p className="text-sm text-stone-600">{t("reception.staff.noBookings")}</p>
          ) : (
            <ul className="text-sm">
              {slot.bookings.map((b) => (
                <li key={b.appointmentId}>
                  {t("reception.staff.household", {
                    code: b.householdCode,
                    head: b.headName,
                    phone: b.phoneMasked ?? t("reception.staff.noPhone"),
                  })}{" "}
                  · {t("reception.staff.bookedAt", { time: format.dateTime(b.bookedAt) })}
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
      {editable ? (
        <SlotEditForms
          projectId={week.projectId}
          slot={slot}
          labels={editLabels}
          capacityAction={capacityAction}
          cancelAction={cancelAction}
        />
      ) : null}
    </li>
  );
}

/** The week's slots day by day, with the seats taken and who booked (phones masked). */
export function ReceptionWeekDays({
  week,
  t,
  format,
  capacityAction,
  cancelAction,
}: {
  week: ReceptionWeek;
  t: Translate;
  format: Formatters;
  capacityAction: Action;
  cancelAction: Action;
}) {
  const editLabels: SlotEditLabels = {
    capacity: t("reception.staff.fields.capacity"),
    capacitySubmit: t("reception.staff.capacity.submit"),
    reason: t("reception.staff.fields.reason"),
    cancelSubmit: t("reception.staff.cancel.submit"),
    saving: t("reception.staff.capacity.saving"),
  };
  return (
    <div className="flex flex-col gap-4">
      {week.days.map((day) => (
        <section key={day.day} aria-labelledby={`reception-day-${day.day}`} className="flex flex-col gap-2">
          <h3 id={`reception-day-${day.day}`} className="text-lg font-semibold">
            {format.day(day.day)}
          </h3>
          {day.slots.length === 0 ? (
            <p className="text-stone-600">{t("reception.staff.noSlots")}</p>
          ) : (
            <ul className="flex flex-col gap-2">
              {day.slots.map((slot) => (
                <SlotCard
                  key={slot.id}
                  week={week}
                  slot={slot}
                  t={t}
                  format={format}
                  editLabels={editLabels}
                  capacityAction={capacityAction}
                  cancelAction={cancelAction}
                />
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}
