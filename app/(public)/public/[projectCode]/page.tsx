import type { Metadata } from "next";
import { HeadlineProgress } from "@/components/notices/headline-progress";
import { NoticeList } from "@/components/notices/notice-list";
import { PublicShell } from "@/components/notices/public-shell";
import { serverEnv } from "@/lib/env";
import { formatters } from "@/lib/i18n/format";
import { getLocale, getTranslator } from "@/lib/i18n/server";
import { getPublicBoard } from "@/lib/server/notices/get-public-board";
import { orNotFound } from "@/lib/server/or-not-found";

type Props = { params: Promise<{ projectCode: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslator();
  const { projectCode } = await params;
  return { title: `${t("notices.title")} · ${projectCode}` };
}

/** A project's public page ("sunshine expropriation"): headline progress and the notice board.
 *  No sign-in; only projects marked public; nothing about any one household. */
export default async function PublicProjectPage({ params }: Props) {
  const { projectCode } = await params;
  const [t, locale, board] = await Promise.all([getTranslator(), getLocale(), orNotFound(getPublicBoard({ projectCode }))]);
  const format = formatters(locale, serverEnv().LIANXIN_TIME_ZONE);
  const path = `/public/${board.project.code}`;
  return (
    <PublicShell path={path} t={t}>
      <div>
        <h1 className="text-2xl font-bold">{t("notices.public.heading", { name: board.project.name })}</h1>
        <p className="text-stone-700">{t("notices.public.subtitle", { district: board.project.district, street: board.project.street })}</p>
      </div>
      <HeadlineProgress headline={board.headline} title={t("notices.public.progress")} t={t} format={format} />
      <section aria-labelledby="public-board-title" className="flex flex-col gap-2">
        <h2 id="public-board-title" className="text-lg font-semibold">
          {t("notices.public.board")}
        </h2>
        <NoticeList notices={board.notices} hrefOf={(id) => `${path}/notices/${id}`} t={t} format={format} />
      </section>
    </PublicShell>
  );
}
