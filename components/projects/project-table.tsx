import Link from "next/link";
import type { Locale, Translate } from "@/lib/i18n/translate";
import type { ProjectListItem } from "@/lib/server/projects/list-projects";

export function ProjectTable({ projects, t, locale, caption }: { projects: ProjectListItem[]; t: Translate; locale: Locale; caption: string }) {
  const n = new Intl.NumberFormat(locale);
  const percent = (value: string | null) => (value === null ? t("common.none") : t("common.percent", { value }));
  return (
    <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white" tabIndex={0} role="region" aria-label={caption}>
      <table className="w-full min-w-[44rem] text-left text-base" data-testid="project-table">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-stone-100 text-sm text-stone-700">
          <tr>
            <th scope="col" className="px-3 py-2">{t("project.name")}</th>
            <th scope="col" className="px-3 py-2">{t("project.kind")}</th>
            <th scope="col" className="px-3 py-2">{t("project.phase")}</th>
            <th scope="col" className="px-3 py-2 text-right">{t("project.eligible")}</th>
            <th scope="col" className="px-3 py-2 text-right">{t("project.signed")}</th>
            <th scope="col" className="px-3 py-2 text-right">{t("project.signingRate")}</th>
            <th scope="col" className="px-3 py-2 text-right">{t("project.threshold")}</th>
          </tr>
        </thead>
        <tbody>
          {projects.map((p) => (
            <tr key={p.id} className="border-t border-stone-200" data-testid={`project-row-${p.code}`}>
              <th scope="row" className="px-3 py-2 font-medium">
                <Link href={`/projects/${p.id}`} prefetch={false} className="text-brand-700 underline underline-offset-4">
                  {p.name}
                </Link>
                <div className="text-sm font-normal text-stone-600">
                  {p.code} · {p.district} {p.street}
                </div>
              </th>
              <td className="px-3 py-2">{t(`project.kinds.${p.kind}`)}</td>
              <td className="px-3 py-2">{t(`project.phases.${p.phase}`)}</td>
              <td className="px-3 py-2 text-right tabular-nums">{n.format(p.figures.eligible)}</td>
              <td className="px-3 py-2 text-right tabular-nums">{n.format(p.figures.signed)}</td>
              <td className="px-3 py-2 text-right tabular-nums" data-testid="signing-rate">{percent(p.figures.signingRate)}</td>
              <td className="px-3 py-2 text-right tabular-nums">{percent(p.figures.signingThreshold)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
