import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PageShell } from "@/components/layout/page-shell";
import { MyTaskList } from "@/components/visits/my-task-list";
import { requireActor } from "@/lib/auth/actor";
import { formatters } from "@/lib/i18n/format";
import { getLocale, getTranslator } from "@/lib/i18n/server";
import { orNotFound } from "@/lib/server/or-not-found";
import { listMyTasks } from "@/lib/server/visits/list-my-tasks";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("visits.myTasks.title") };
}

/** 我的任务: the member's own open visit tasks, the landing page of staff who have some. */
export default async function MyTasksPage() {
  const actor = await requireActor();
  if (actor.role === "RESIDENT") redirect("/my-household");
  const [t, locale, data] = await Promise.all([getTranslator(), getLocale(), orNotFound(listMyTasks(actor))]);
  return (
    <PageShell actor={actor} currentPath="/my-tasks">
      <div>
        <h1 className="text-2xl font-bold">{t("visits.myTasks.title")}</h1>
        <p className="text-stone-700">{t("visits.myTasks.description")}</p>
      </div>
      <MyTaskList data={data} t={t} f={formatters(locale, data.timeZone)} />
    </PageShell>
  );
}
