import type { Metadata } from "next";
import Link from "next/link";
import { NoticeArticle } from "@/components/notices/notice-article";
import { PublicShell } from "@/components/notices/public-shell";
import { calendarDayOf } from "@/lib/domain/calendar-day";
import { serverEnv } from "@/lib/env";
import { formatters } from "@/lib/i18n/format";
import { getLocale, getTranslator } from "@/lib/i18n/server";
import { getPublicNotice } from "@/lib/server/notices/get-public-notice";
import { orNotFound } from "@/lib/server/or-not-found";

type Props = { params: Promise<{ projectCode: string; noticeId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("notices.title") };
}

/** One published notice of a project marked public, for anyone. */
export default async function PublicNoticePage({ params }: Props) {
  const { projectCode, noticeId } = await params;
  const [t, locale, { project, notice }] = await Promise.all([
    getTranslator(),
    getLocale(),
    orNotFound(getPublicNotice({ projectCode, noticeId })),
  ]);
  const timeZone = serverEnv().LIANXIN_TIME_ZONE;
  const path = `/public/${project.code}`;
  return (
    <PublicShell path={`${path}/notices/${notice.id}`} t={t}>
      <Link href={path} className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-4">
        {t("notices.public.back")}
      </Link>
      <p className="text-stone-700">{project.name}</p>
      <NoticeArticle notice={notice} today={calendarDayOf(new Date(), timeZone)} t={t} format={formatters(locale, timeZone)} />
    </PublicShell>
  );
}
