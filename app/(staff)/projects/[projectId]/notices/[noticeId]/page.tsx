import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { PageShell } from "@/components/layout/page-shell";
import { AttachmentRemoveList } from "@/components/notices/attachment-remove";
import { AttachmentUpload } from "@/components/notices/attachment-upload";
import { NoticeArticle } from "@/components/notices/notice-article";
import { NoticeMoves } from "@/components/notices/notice-controls";
import { NoticeForm } from "@/components/notices/notice-form";
import { noticeFormText, noticeMovesText } from "@/components/notices/notice-text";
import { ProjectNav } from "@/components/projects/project-nav";
import { Alert } from "@/components/ui/alert";
import { requireActor } from "@/lib/auth/actor";
import { calendarDayOf } from "@/lib/domain/calendar-day";
import { serverEnv } from "@/lib/env";
import { formatters } from "@/lib/i18n/format";
import { getLocale, getTranslator } from "@/lib/i18n/server";
import { getNotice } from "@/lib/server/notices/get-notice";
import { orNotFound } from "@/lib/server/or-not-found";
import { noticeMoveAction, removeAttachmentAction, saveNoticeAction } from "../actions";

type Props = { params: Promise<{ projectId: string; noticeId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("notices.title") };
}

export default async function NoticePage({ params }: Props) {
  const actor = await requireActor();
  if (actor.role === "RESIDENT") redirect("/my-household");
  const { projectId, noticeId } = await params;
  const [t, locale, notice] = await Promise.all([getTranslator(), getLocale(), orNotFound(getNotice(actor, { projectId, noticeId }))]);
  const timeZone = serverEnv().LIANXIN_TIME_ZONE;
  const format = formatters(locale, timeZone);
  const today = calendarDayOf(new Date(), timeZone);
  const base = `/projects/${projectId}/notices`;

  return (
    <PageShell actor={actor} currentPath={`${base}/${notice.id}`}>
      <ProjectNav actor={actor} projectId={projectId} current="notices" />
      <Link href={base} className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-4">
        {t("notices.detail.back")}
      </Link>
      <div className="flex flex-col gap-1">
        <p className="text-stone-700">
          {notice.project.name} · {notice.project.code} ·{" "}
          <span data-testid="notice-detail-status">{t(`notices.statuses.${notice.status}`)}</span>
        </p>
        <p className="text-sm text-stone-700">
          {t("notices.detail.createdBy", { name: notice.createdBy ?? t("common.none"), at: format.dateTime(notice.createdAt) })}
          {notice.status === "SCHEDULED" && notice.publishedAt
            ? ` · ${t("notices.detail.scheduledFor", { at: format.dateTime(notice.publishedAt) })}`
            : ""}
        </p>
        {notice.withdrawn ? (
          <Alert tone="info" testId="notice-withdrawn">
            {t("notices.detail.withdrawn", {
              by: notice.withdrawn.by ?? t("common.none"),
              at: format.dateTime(notice.withdrawn.at),
              reason: notice.withdrawn.reason,
            })}
          </Alert>
        ) : null}
      </div>
      <section aria-labelledby="notice-preview-title" className="flex flex-col gap-2">
        <h2 id="notice-preview-title" className="text-lg font-semibold">
          {t("notices.detail.preview")}
        </h2>
        <NoticeArticle notice={notice} today={today} t={t} format={format} headingLevel={2} />
      </section>
      {notice.mayWrite && notice.editable ? (
        <section aria-labelledby="notice-attachments-title" className="flex flex-col gap-3 rounded-lg border border-stone-200 bg-white p-4">
          <h2 id="notice-attachments-title" className="text-lg font-semibold">
            {t("notices.attachments.title")}
          </h2>
          <AttachmentRemoveList
            projectId={projectId}
            noticeId={notice.id}
            attachments={notice.attachments.map((a) => ({
              id: a.id,
              fileName: a.fileName,
              sizeText: t("notices.attachments.size", { size: format.number(Math.ceil(a.size / 1024)) }),
            }))}
            labels={{
              remove: t("notices.attachments.remove"),
              removing: t("notices.attachments.removing"),
              none: t("notices.attachments.none"),
            }}
            action={removeAttachmentAction}
          />
          <AttachmentUpload
            projectId={projectId}
            noticeId={notice.id}
            labels={{
              file: t("notices.attachments.file"),
              fileHint: t("notices.attachments.fileHint"),
              add: t("notices.attachments.add"),
              uploading: t("notices.attachments.uploading"),
              uploaded: t("notices.attachments.uploaded"),
              failed: t("notices.attachments.failed"),
            }}
          />
        </section>
      ) : null}
      {notice.mayManage ? (
        <NoticeMoves
          projectId={projectId}
          noticeId={notice.id}
          version={notice.version}
          moves={{ publish: notice.editable, withdraw: notice.status === "PUBLISHED" || notice.status === "SCHEDULED" }}
          labels={noticeMovesText(t)}
          action={noticeMoveAction}
        />
      ) : null}
      {notice.mayWrite && notice.editable ? (
        <NoticeForm
          projectId={projectId}
          notice={{
            id: notice.id,
            version: notice.version,
            kind: notice.kind,
            title: notice.title,
            body: notice.body,
            disclosureStart: notice.disclosure?.start ?? "",
            disclosureEnd: notice.disclosure?.end ?? "",
          }}
          {...noticeFormText(t, t("notices.form.editTitle"))}
          action={saveNoticeAction}
        />
      ) : notice.status === "PUBLISHED" ? (
        <p className="text-stone-700">{t("notices.detail.notEditable")}</p>
      ) : null}
    </PageShell>
  );
}
