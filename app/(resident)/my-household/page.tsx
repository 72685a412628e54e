import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { OwnHousehold } from "@/components/households/own-household";
import { HeadlineProgress } from "@/components/notices/headline-progress";
import { NoticeList } from "@/components/notices/notice-list";
import { PageShell } from "@/components/layout/page-shell";
import { requireActor } from "@/lib/auth/actor";
import { serverEnv } from "@/lib/env";
import { formatters } from "@/lib/i18n/format";
import { getLocale, getTranslator } from "@/lib/i18n/server";
import { getOwnHousehold } from "@/lib/server/households/get-own-household";
import { listOwnNotices } from "@/lib/server/notices/list-own-notices";
import { orNotFound } from "@/lib/server/or-not-found";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("household.title") };
}

export default async function MyHouseholdPage() {
  const actor = await requireActor();
  if (actor.role !== "RESIDENT") redirect("/projects");
  const [t, locale, household, notices] = await Promise.all([
    getTranslator(),
    getLocale(),
    orNotFound(getOwnHousehold(actor)),
    orNotFound(listOwnNotices(actor)),
  ]);
  const format = formatters(locale, serverEnv().LIANXIN_TIME_ZONE);
  return (
    <PageShell actor={actor} currentPath="/my-household">
      <h1 className="text-2xl font-bold">{t("household.title")}</h1>
      <OwnHousehold household={household} t={t} format={format} />
      <section aria-labelledby="own-notices-title" className="flex flex-col gap-2">
        <h2 id="own-notices-title" className="text-lg font-semibold">
          {t("notices.resident.title")}{" "}
          <span className="text-base font-normal text-stone-700" data-testid="notice-unread-count">
            {notices.unreadCount > 0
              ? t("notices.resident.unreadCount", { count: format.number(notices.unreadCount) })
              : t("notices.resident.allRead")}
          </span>
        </h2>
        <NoticeList notices={notices.notices} hrefOf={(id) => `/my-household/notices/${id}`} t={t} format={format} />
      </section>
      <HeadlineProgress headline={notices.headline} title={t("notices.resident.progress")} t={t} format={format} />
    </PageShell>
  );
}
