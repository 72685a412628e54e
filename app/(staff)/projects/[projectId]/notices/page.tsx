import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { PageShell } from "@/components/layout/page-shell";
import { NoticeForm } from "@/components/notices/notice-form";
import { NoticeTable } from "@/components/notices/notice-table";
import { noticeFormText } from "@/components/notices/notice-text";
import { ProjectNav } from "@/components/projects/project-nav";
import { requireActor } from "@/lib/auth/actor";
import { serverEnv } from "@/lib/env";
import { formatters } from "@/lib/i18n/format";
import { getLocale, getTranslator } from "@/lib/i18n/server";
import { listNotices } from "@/lib/server/notices/list-notices";
import { orNotFound } from "@/lib/server/or-not-found";
import { saveNoticeAction } from "./actions";

type Props = { params: Promise<{ projectId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("notices.title") };
}

export default async function NoticesPage({ params }: Props) {
  const actor = await requireActor();
  if (actor.role === "RESIDENT") redirect("/my-household");
  const { projectId } = await params;
  const [t, locale, board] = await Promise.all([getTranslator(), getLocale(), orNotFound(listNotices(actor, { projectId }))]);
  const format = formatters(locale, serverEnv().LIANXIN_TIME_ZONE);
  const base = `/projects/${projectId}/notices`;

  return (
    <PageShell actor={actor} currentPath={base}>
      <ProjectNav actor={actor} projectId={projectId} current="notices" />
      <div>
        <h1 className="text-2xl font-bold">{t("notices.title")}</h1>
        <p className="text-stone-700">
          {board.project.name} · {board.project.code}
        </p>
        <p className="mt-2 max-w-3xl text-stone-700">{t("notices.description")}</p>
        <p className="mt-2">
          {board.project.isPublished ? (
            <Link
              href={`/public/${board.project.code}`}
              className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-4"
            >
              {t("notices.publicLink")}
            </Link>
          ) : (
            <span className="text-stone-700">{t("notices.publicNotMarked")}</span>
          )}
        </p>
      </div>
      <NoticeTable board={board} t={t} format={format} />
      {board.mayWrite ? (
        <NoticeForm projectId={projectId} {...noticeFormText(t, t("notices.form.newTitle"))} action={saveNoticeAction} />
      ) : null}
    </PageShell>
  );
}
