import Link from "next/link";
import { ColumnHeader, Table, TableBody, TableCell, TableHead, TableRegion, TableRow } from "@/components/ui/table";
import type { Formatters } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import type { NoticeBoard } from "@/lib/server/notices/list-notices";

/** Every notice of the project for its staff, drafts first, each opening its own page. */
export function NoticeTable({ board, t, format }: { board: NoticeBoard; t: Translate; format: Formatters }) {
  if (board.notices.length === 0) return <p className="text-stone-700">{t("notices.empty")}</p>;
  return (
    <TableRegion label={t("notices.title")}>
      <Table testId="notice-table">
        <TableHead>
          <tr>
            <ColumnHeader>{t("notices.columns.title")}</ColumnHeader>
            <ColumnHeader>{t("notices.columns.kind")}</ColumnHeader>
            <ColumnHeader>{t("notices.columns.status")}</ColumnHeader>
            <ColumnHeader>{t("notices.columns.publishedAt")}</ColumnHeader>
            <ColumnHeader>{t("notices.columns.window")}</ColumnHeader>
          </tr>
        </TableHead>
        <TableBody>
          {board.notices.map((notice) => (
            <TableRow key={notice.id}>
              <TableCell>
                <Link
                  href={`/projects/${board.project.id}/notices/${notice.id}`}
                  className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-4"
                >
                  {notice.title}
                </Link>
              </TableCell>
              <TableCell>{t(`notices.kinds.${notice.kind}`)}</TableCell>
              <TableCell>
                <span data-testid="notice-status">{t(`notices.statuses.${notice.status}`)}</span>
              </TableCell>
              <TableCell>{notice.publishedAt ? format.dateTime(notice.publishedAt) : t("common.none")}</TableCell>
              <TableCell>
                {notice.disclosure
                  ? t("notices.window.range", { start: format.day(notice.disclosure.start), end: format.day(notice.disclosure.end) })
                  : t("common.none")}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableRegion>
  );
}
