import { ColumnHeader, RowHeader, Table, TableBody, TableCell, TableHead, TableRegion, TableRow } from "@/components/ui/table";
import type { Locale, Translate } from "@/lib/i18n/translate";
import { ROSTER_COLUMNS, type AnyRosterColumn } from "@/lib/roster/columns";

/** The roster's columns (the same definitions the template and the import use), folded away. */
export function RosterColumns({ t, locale }: { t: Translate; locale: Locale }) {
  const language = locale === "en" ? "en" : "zh";
  return (
    <details className="rounded-lg border border-stone-200 bg-white p-4">
      <summary className="min-h-11 cursor-pointer py-2 text-lg font-semibold">{t("roster.page.columnsTitle")}</summary>
      <TableRegion labelledBy="roster-columns-caption" className="mt-2 overflow-x-auto">
        <Table className="min-w-[36rem] text-sm" caption={t("roster.page.columnsCaption")} captionId="roster-columns-caption">
          <TableHead className="bg-stone-100">
            <ColumnHeader>{t("roster.page.columnHeader")}</ColumnHeader>
            <ColumnHeader>{t("roster.page.columnEnglish")}</ColumnHeader>
            <ColumnHeader>{t("roster.page.columnRequired")}</ColumnHeader>
            <ColumnHeader>{t("roster.page.columnNote")}</ColumnHeader>
          </TableHead>
          <TableBody>
            {(ROSTER_COLUMNS as readonly AnyRosterColumn[]).map((column) => (
              <TableRow key={column.key} className="border-t border-stone-200 align-top">
                <RowHeader className={column.required ? "font-medium text-brand-800" : "font-medium"}>{column.zh}</RowHeader>
                <TableCell>{column.en}</TableCell>
                <TableCell>{column.required ? t("roster.page.yes") : t("roster.page.no")}</TableCell>
                <TableCell>{column.note[language]}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableRegion>
    </details>
  );
}
