// The project's visit register (走访台账): a plain GET form of filters (every view is a URL), the
// export of the same filters, and the latest visits.
import Link from "next/link";
import { ColumnHeader, RowHeader, Table, TableBody, TableCell, TableHead, TableRegion, TableRow } from "@/components/ui/table";
import { CONTROL_CLASS, FormField } from "@/components/ui/form-field";
import { SelectField } from "@/components/ui/select-field";
import { optionsOf } from "@/lib/domain/options";
import { Attitude, VisitChannel } from "@/lib/generated/prisma/enums";
import type { Formatters } from "@/lib/i18n/format";
import type { Locale, Translate } from "@/lib/i18n/translate";
import type { VisitList } from "@/lib/server/visits/list-visits";

const CHANNELS = optionsOf(VisitChannel);
const ATTITUDES = optionsOf(Attitude);

export function VisitRegister({
  data,
  canExport,
  t,
  f,
  locale,
}: {
  data: VisitList;
  canExport: boolean;
  t: Translate;
  f: Formatters;
  locale: Locale;
}) {
  const base = `/projects/${data.project.id}/visits`;
  const exportHref = `/api/projects/${data.project.id}/visits/export${data.query ? `?${data.query}` : ""}`;
  const any = t("visits.log.any");
  const separator = locale === "en" ? ", " : "、";
  return (
    <>
      <form
        method="get"
        action={base}
        className="grid grid-cols-1 gap-3 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-3"
        aria-label={t("visits.log.filter")}
      >
        <FormField id="visits-from" name="from" type="date" label={t("visits.log.from")} defaultValue={data.filter.from ?? ""} />
        <FormField id="visits-to" name="to" type="date" label={t("visits.log.to")} defaultValue={data.filter.to ?? ""} />
        <SelectField
          id="visits-group"
          name="groupId"
          label={t("visits.log.group")}
          placeholder={any}
          defaultValue={data.filter.groupId ?? ""}
          options={data.options.groups.map((g) => ({ value: g.id, label: g.name }))}
        />
        <SelectField
          id="visits-channel"
          name="channel"
          label={t("visits.log.channel")}
          placeholder={any}
          defaultValue={data.filter.channel ?? ""}
          options={CHANNELS.map((c) => ({ value: c, label: t(`visits.channels.${c}`) }))}
        />
        <SelectField
          id="visits-attitude"
          name="attitude"
          label={t("visits.log.attitude")}
          placeholder={any}
          defaultValue={data.filter.attitude ?? ""}
          options={[
            ...ATTITUDES.map((a) => ({ value: a, label: t(`visits.attitudes.${a}`) })),
            { value: "NONE", label: t("visits.form.attitudeNone") },
          ]}
        />
        <SelectField
          id="visits-author"
          name="authorId"
          label={t("visits.log.author")}
          placeholder={any}
          defaultValue={data.filter.authorId ?? ""}
          options={data.options.authors.map((a) => ({ value: a.id, label: a.name }))}
        />
        <div className="flex flex-wrap items-end gap-2 sm:col-span-3">
          <button type="submit" className={`${CONTROL_CLASS} bg-brand-700 font-medium text-white hover:bg-brand-800`}>
            {t("visits.log.filter")}
          </button>
          <Link href={base} className="inline-flex min-h-11 items-center px-2 text-brand-700 underline underline-offset-4">
            {t("visits.log.reset")}
          </Link>
          {canExport ? (
            <a
              href={exportHref}
              className="inline-flex min-h-11 items-center rounded-md border border-stone-300 bg-white px-4 py-2 font-medium hover:bg-stone-100"
              data-testid="visits-export"
              download
            >
              {t("visits.log.export")}
            </a>
          ) : null}
        </div>
      </form>
      <p data-testid="visits-summary">{t("visits.log.summary", { total: f.number(data.total), shown: f.number(data.rows.length) })}</p>
      {data.rows.length === 0 ? (
        <div className="rounded-lg border border-dashed border-stone-300 bg-white p-6" data-testid="visits-empty">
          <p className="font-semibold">{t("visits.log.empty")}</p>
          <p className="text-stone-700">{t("visits.log.emptyHint")}</p>
        </div>
      ) : (
        <TableRegion label={t("visits.log.title")}>
          <Table className="min-w-[56rem] text-base" testId="visits-table" caption={t("visits.log.title")}>
            <TableHead>
              <ColumnHeader>{t("visits.log.columns.visitedAt")}</ColumnHeader>
              <ColumnHeader>{t("visits.log.columns.household")}</ColumnHeader>
              <ColumnHeader>{t("visits.log.columns.group")}</ColumnHeader>
              <ColumnHeader>{t("visits.log.columns.channel")}</ColumnHeader>
              <ColumnHeader>{t("visits.log.columns.attitude")}</ColumnHeader>
              <ColumnHeader>{t("visits.log.columns.author")}</ColumnHeader>
              <ColumnHeader>{t("visits.log.columns.summary")}</ColumnHeader>
            </TableHead>
            <TableBody>
              {data.rows.map((row) => (
                <TableRow key={row.id}>
                  <TableCell className="whitespace-nowrap">
                    <time dateTime={row.visitedAt.toISOString()}>{f.dateTime(row.visitedAt)}</time>
                  </TableCell>
                  <RowHeader>
                    <Link
                      href={`/projects/${data.project.id}/households/${row.household.id}`}
                      className="text-brand-700 underline underline-offset-4"
                    >
                      {row.household.code}
                    </Link>{" "}
                    {row.household.headName}
                  </RowHeader>
                  <TableCell>{row.household.groupName ?? t("common.none")}</TableCell>
                  <TableCell>{t(`visits.channels.${row.channel}`)}</TableCell>
                  <TableCell>{row.attitude ? t(`visits.attitudes.${row.attitude}`) : t("common.none")}</TableCell>
                  <TableCell>
                    {row.authorName ?? t("common.none")}
                    {row.participantNames.length ? ` · ${row.participantNames.join(separator)}` : null}
                  </TableCell>
                  <TableCell className="max-w-[28rem]">{row.summary}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableRegion>
      )}
    </>
  );
}
