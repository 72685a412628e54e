import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { ColumnHeader, RowHeader, Table, TableBody, TableCell, TableHead, TableRegion, TableRow } from "@/components/ui/table";
import type { Formatters } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import type { Caseload } from "@/lib/server/tasks/get-caseload";

/** Per member: open, due today, overdue, done in 7 days; each name opens that person's tasks. */
export function CaseloadTable({
  caseload,
  hrefOfPerson,
  t,
  format,
}: {
  caseload: Caseload;
  hrefOfPerson: (userId: string) => string;
  t: Translate;
  format: Formatters;
}) {
  return (
    <section aria-labelledby="caseload-title" className="flex flex-col gap-2">
      <h2 id="caseload-title" className="text-xl font-semibold">
        {t("tasks.caseload.title")}
      </h2>
      <p className="text-stone-700">
        {caseload.scope === "project" ? t("tasks.caseload.descriptionProject") : t("tasks.caseload.descriptionGroup")}
      </p>
      {caseload.rows.length === 0 ? (
        <Alert tone="info" testId="caseload-empty">
          {t("tasks.caseload.empty")}
        </Alert>
      ) : (
        <TableRegion label={t("tasks.caseload.tableLabel")}>
          <Table caption={t("tasks.caseload.tableLabel")} className="min-w-[32rem]" testId="caseload">
            <TableHead>
              <ColumnHeader>{t("tasks.caseload.member")}</ColumnHeader>
              <ColumnHeader align="right">{t("tasks.caseload.open")}</ColumnHeader>
              <ColumnHeader align="right">{t("tasks.caseload.dueToday")}</ColumnHeader>
              <ColumnHeader align="right">{t("tasks.caseload.overdue")}</ColumnHeader>
              <ColumnHeader align="right">{t("tasks.caseload.done7")}</ColumnHeader>
            </TableHead>
            <TableBody>
              {caseload.rows.map((row) => (
                <TableRow key={row.userId} data-testid="caseload-row">
                  <RowHeader>
                    <Link
                      href={hrefOfPerson(row.userId)}
                      className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-4"
                      aria-label={t("tasks.caseload.showTasks", { name: row.name })}
                    >
                      {row.name}
                    </Link>
                  </RowHeader>
                  <TableCell numeric>{format.number(row.open)}</TableCell>
                  <TableCell numeric>{format.number(row.dueToday)}</TableCell>
                  <TableCell numeric className={row.overdue > 0 ? "font-semibold text-brand-700" : undefined}>
                    {format.number(row.overdue)}
                  </TableCell>
                  <TableCell numeric>{format.number(row.doneLast7Days)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableRegion>
      )}
    </section>
  );
}
