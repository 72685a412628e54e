import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { PageShell } from "@/components/layout/page-shell";
import { NoticeArticle } from "@/components/notices/notice-article";
import { requireActor } from "@/lib/auth/actor";
import { calendarDayOf } from "@/lib/domain/calendar-day";
import { serverEnv } from "@/lib/env";
import { formatters } from "@/lib/i18n/format";
import { getLocale, getTranslator } from "@/lib/i18n/server";
import { openOwnNotice } from "@/lib/server/notices/open-own-notice";
import { orNotFound } from "@/lib/server/or-not-found";

type Props = { params: Promise<{ noticeId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("notices.resident.title") };
}

/** A resident reads one notice of their project; opening it marks it read for the household. */
export default async function OwnNoticePage({ params }: Props) {
  const actor = await requireActor();
  if (actor.role !== "RESIDENT") redirect("/projects");
  const { noticeId } = await params;
  const [t, locale, notice] = await Promise.all([getTranslator(), getLocale(), orNotFound(openOwnNotice(actor, { noticeId }))]);
  const timeZone = serverEnv().LIANXIN_TIME_ZONE;
  return (
    <PageShell actor={actor} currentPath="/my-household">
      <Link href="/my-household" className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-4">
        {t("notices.resident.back")}
      </Link>
      <NoticeArticle notice={notice} today={calendarDayOf(new Date(), timeZone)} t={t} format={formatters(locale, timeZone)} />
    </PageShell>
  );
}
