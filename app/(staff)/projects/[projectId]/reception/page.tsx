import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PageShell } from "@/components/layout/page-shell";
import { ProjectNav } from "@/components/projects/project-nav";
import { ReceptionWeekDays, ReceptionWeekNav } from "@/components/reception/reception-week";
import { CreateSeriesForm, CreateSlotForm, type SlotFormLabels } from "@/components/reception/slot-forms";
import { requireActor } from "@/lib/auth/actor";
import { formatters } from "@/lib/i18n/format";
import { getLocale, getTranslator } from "@/lib/i18n/server";
import type { Translate } from "@/lib/i18n/translate";
import { orNotFound } from "@/lib/server/or-not-found";
import { listReceptionSlots } from "@/lib/server/reception/list-reception-slots";
import { cancelSlotAction, changeCapacityAction, createSeriesAction, createSlotAction } from "./actions";

type Props = { params: Promise<{ projectId: string }>; searchParams: Promise<{ week?: string | string[] }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("reception.title") };
}

function formLabels(t: Translate): SlotFormLabels {
  const f = (key: Parameters<Translate>[0]) => t(key);
  return {
    oneTitle: f("reception.staff.one.title"),
    oneSubmit: f("reception.staff.one.submit"),
    seriesTitle: f("reception.staff.series.title"),
    seriesHint: f("reception.staff.series.hint"),
    seriesSubmit: f("reception.staff.series.submit"),
    saving: f("reception.staff.one.saving"),
    room: f("reception.staff.fields.room"),
    roomHint: f("reception.staff.fields.roomHint"),
    mode: f("reception.staff.fields.mode"),
    modes: [
      { value: "IN_PERSON", label: f("reception.modes.IN_PERSON") },
      { value: "VIDEO", label: f("reception.modes.VIDEO") },
    ],
    day: f("reception.staff.fields.day"),
    startTime: f("reception.staff.fields.startTime"),
    endTime: f("reception.staff.fields.endTime"),
    capacity: f("reception.staff.fields.capacity"),
    fromDay: f("reception.staff.fields.fromDay"),
    toDay: f("reception.staff.fields.toDay"),
    weekdays: f("reception.staff.fields.weekdays"),
    weekdayNames: (["1", "2", "3", "4", "5", "6", "7"] as const).map((d) => ({ value: d, label: t(`reception.staff.weekdays.${d}`) })),
    dayStart: f("reception.staff.fields.dayStart"),
    dayEnd: f("reception.staff.fields.dayEnd"),
    slotMinutes: f("reception.staff.fields.slotMinutes"),
  };
}

export default async function ReceptionPage({ params, searchParams }: Props) {
  const actor = await requireActor();
  if (actor.role === "RESIDENT") redirect("/my-household/reception");
  const [{ projectId }, query] = await Promise.all([params, searchParams]);
  const week = typeof query.week === "string" ? query.week : undefined;
  const [t, locale, view] = await Promise.all([getTranslator(), getLocale(), orNotFound(listReceptionSlots(actor, { projectId, week }))]);
  const format = formatters(locale, view.timeZone);
  const path = `/projects/${projectId}/reception`;
  const labels = formLabels(t);

  return (
    <PageShell actor={actor} currentPath={path}>
      <ProjectNav actor={actor} projectId={projectId} current="reception" />
      <div>
        <h1 className="text-2xl font-bold">{t("reception.title")}</h1>
        <p className="mt-1 max-w-3xl text-stone-700">{t("reception.staff.description")}</p>
      </div>
      {view.mayManage ? (
        <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
          <details className="rounded-lg border border-stone-200 bg-white p-4">
            <summary className="min-h-11 cursor-pointer py-2 text-lg font-semibold">{labels.oneTitle}</summary>
            <CreateSlotForm projectId={projectId} today={view.today} labels={labels} action={createSlotAction} />
          </details>
          <details className="rounded-lg border border-stone-200 bg-white p-4">
            <summary className="min-h-11 cursor-pointer py-2 text-lg font-semibold">{labels.seriesTitle}</summary>
            <CreateSeriesForm projectId={projectId} today={view.today} labels={labels} action={createSeriesAction} />
          </details>
        </div>
      ) : null}
      <ReceptionWeekNav week={view} path={path} t={t} format={format} />
      <ReceptionWeekDays week={view} t={t} format={format} capacityAction={changeCapacityAction} cancelAction={cancelSlotAction} />
    </PageShell>
  );
}
