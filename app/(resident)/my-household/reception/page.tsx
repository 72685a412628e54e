import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { PageShell } from "@/components/layout/page-shell";
import { ResidentBooking, ResidentOpenSlots, type ResidentReceptionLabels } from "@/components/reception/resident-reception";
import { requireActor } from "@/lib/auth/actor";
import { formatters } from "@/lib/i18n/format";
import { getLocale, getTranslator } from "@/lib/i18n/server";
import { orNotFound } from "@/lib/server/or-not-found";
import { getOwnReception } from "@/lib/server/reception/get-own-reception";
import { cancelBookingAction, chooseSlotAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("reception.resident.title") };
}

export default async function MyReceptionPage() {
  const actor = await requireActor();
  if (actor.role !== "RESIDENT") redirect("/projects");
  const [t, locale, view] = await Promise.all([getTranslator(), getLocale(), orNotFound(getOwnReception(actor))]);
  const format = formatters(locale, view.timeZone);
  const range = (s: { startsAt: Date; endsAt: Date }) =>
    t("reception.timeRange", { start: format.time(s.startsAt), end: format.time(s.endsAt) });
  const labels: ResidentReceptionLabels = {
    myBooking: t("reception.resident.myBooking"),
    noBooking: t("reception.resident.noBooking"),
    open: t("reception.resident.open"),
    noOpen: t("reception.resident.noOpen"),
    booking: t("reception.resident.booking"),
    cancel: t("reception.resident.cancel"),
    cancelling: t("reception.resident.cancelling"),
  };
  const booking = view.booking
    ? {
        appointmentId: view.booking.appointmentId,
        when: `${format.date(view.booking.startsAt)} ${range(view.booking)}`,
        where: `${view.booking.room} · ${t(`reception.modes.${view.booking.mode}`)}`,
      }
    : null;
  const days = view.days.map((d) => ({
    day: d.day,
    label: format.day(d.day),
    slots: d.slots.map((s) => ({
      id: s.id,
      when: range(s),
      where: `${s.room} · ${t(`reception.modes.${s.mode}`)}`,
      seats: s.seatsLeft === 0 ? t("reception.full") : t("reception.seatsLeft", { count: s.seatsLeft }),
      isFull: s.seatsLeft === 0,
      buttonLabel: view.booking
        ? t("reception.resident.move", { time: format.time(s.startsAt) })
        : t("reception.resident.book", { time: format.time(s.startsAt) }),
    })),
  }));

  return (
    <PageShell actor={actor} currentPath="/my-household">
      <div>
        <h1 className="text-2xl font-bold">{t("reception.resident.title")}</h1>
        <p className="mt-1 text-stone-700">{t("reception.resident.description")}</p>
        <Link href="/my-household" className="mt-2 inline-flex min-h-11 items-center text-brand-800 underline underline-offset-4">
          {t("reception.resident.back")}
        </Link>
      </div>
      <ResidentBooking booking={booking} labels={labels} cancelAction={cancelBookingAction} />
      <ResidentOpenSlots days={days} appointmentId={view.booking?.appointmentId ?? null} labels={labels} chooseAction={chooseSlotAction} />
    </PageShell>
  );
}
