import Link from "next/link";
import { ColumnHeader, RowHeader, SortArrow, Table, TableBody, TableCell, TableHead, TableRegion, TableRow } from "@/components/ui/table";
import type { Formatters } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import type { HouseholdListItem } from "@/lib/server/households/list-households";
import { SelectAllCheckbox } from "./select-all-checkbox";

export type SortLink = { key: string; label: string; href: string; direction: "ascending" | "descending" | null };

function flagsOf(item: HouseholdListItem, t: Translate): string[] {
  return [
    item.isPartyMemberHousehold ? t("households.flags.party") : null,
    item.hasHardship ? t("households.flags.hardship") : null,
  ].filter((f): f is string => f !== null);
}

function lastVisit(item: HouseholdListItem, t: Translate, format: Formatters): string {
  return item.lastVisitAt ? format.date(item.lastVisitAt) : t("households.list.never");
}

function SortHeader({ link, t }: { link: SortLink; t: Translate }) {
  return (
    <ColumnHeader sort={link.direction ?? undefined}>
      <Link href={link.href} className="inline-flex min-h-11 items-center gap-1 underline-offset-4 hover:underline">
        {link.label}
        <SortArrow direction={link.direction} />
        <span className="sr-only">
          {link.direction === "ascending" ? t("households.sortedAsc") : link.direction === "descending" ? t("households.sortedDesc") : ""}
        </span>
      </Link>
    </ColumnHeader>
  );
}

function HouseholdRow({
  item,
  hrefOf,
  t,
  format,
  selectionFormId,
}: {
  item: HouseholdListItem;
  hrefOf: (id: string) => string;
  t: Translate;
  format: Formatters;
  selectionFormId?: string;
}) {
  return (
    <TableRow data-testid={`household-row-${item.code}`}>
      {selectionFormId ? (
        <TableCell>
          <input
            type="checkbox"
            name="householdIds"
            value={item.id}
            form={selectionFormId}
            aria-label={t("households.bulk.selectRow", { code: item.code })}
            className="size-5 accent-brand-700"
          />
        </TableCell>
      ) : null}
      <RowHeader className="whitespace-nowrap font-medium">
        <Link href={hrefOf(item.id)} prefetch={false} className="text-brand-700 underline underline-offset-4">
          {item.code}
        </Link>
      </RowHeader>
      <TableCell>
        {item.building}
        <div className="text-sm text-stone-600">{item.address}</div>
      </TableCell>
      <TableCell>{item.headName}</TableCell>
      <TableCell data-testid="household-group">{item.group?.name ?? t("households.filters.unassigned")}</TableCell>
      <TableCell data-testid="household-state">{t(`household.states.${item.state}`)}</TableCell>
      <TableCell className="tabular-nums">{lastVisit(item, t, format)}</TableCell>
      <TableCell className="text-sm">{flagsOf(item, t).join("、")}</TableCell>
    </TableRow>
  );
}

/** Wide screens: a table in a focusable scroll region, sortable by the column headers, with a
 *  checkbox per row for bulk assignment when `selectionFormId` is given. */
export function HouseholdTable({
  items,
  sortLinks,
  hrefOf,
  t,
  format,
  selectionFormId,
}: {
  items: HouseholdListItem[];
  sortLinks: Record<"code" | "building" | "head" | "state" | "lastVisit", SortLink>;
  hrefOf: (id: string) => string;
  t: Translate;
  format: Formatters;
  selectionFormId?: string;
}) {
  return (
    <TableRegion
      className="hidden overflow-x-auto rounded-lg border border-stone-200 bg-white md:block"
      label={t("households.list.tableLabel")}
    >
      <Table caption={t("households.list.title")} className="min-w-[56rem] text-base" testId="household-table">
        <TableHead>
          {selectionFormId ? (
            <ColumnHeader className="w-12">
              <SelectAllCheckbox formId={selectionFormId} label={t("households.bulk.selectAll")} />
            </ColumnHeader>
          ) : null}
          <SortHeader link={sortLinks.code} t={t} />
          <SortHeader link={sortLinks.building} t={t} />
          <SortHeader link={sortLinks.head} t={t} />
          <ColumnHeader>{t("households.columns.group")}</ColumnHeader>
          <SortHeader link={sortLinks.state} t={t} />
          <SortHeader link={sortLinks.lastVisit} t={t} />
          <ColumnHeader>{t("households.columns.flags")}</ColumnHeader>
        </TableHead>
        <TableBody>
          {items.map((item) => (
            <HouseholdRow key={item.id} item={item} hrefOf={hrefOf} t={t} format={format} selectionFormId={selectionFormId} />
          ))}
        </TableBody>
      </Table>
    </TableRegion>
  );
}

/** Narrow screens (field staff on phones): one card per household, the whole card a link. */
export function HouseholdCards({
  items,
  hrefOf,
  t,
  format,
}: {
  items: HouseholdListItem[];
  hrefOf: (id: string) => string;
  t: Translate;
  format: Formatters;
}) {
  return (
    <ul className="flex flex-col gap-2 md:hidden" data-testid="household-cards" aria-label={t("households.list.title")}>
      {items.map((item) => (
        <li key={item.id} className="rounded-lg border border-stone-200 bg-white" data-testid={`household-card-${item.code}`}>
          <Link href={hrefOf(item.id)} prefetch={false} className="flex flex-col gap-1 p-3">
            <span className="flex flex-wrap items-baseline justify-between gap-2">
              <span className="font-semibold text-brand-700 underline underline-offset-4">{item.code}</span>
              <span className="rounded bg-stone-100 px-2 py-0.5 text-sm">{t(`household.states.${item.state}`)}</span>
            </span>
            <span>
              {item.headName} · {item.address}
            </span>
            <span className="text-sm text-stone-700">
              {item.group?.name ?? t("households.filters.unassigned")} · {t("households.columns.lastVisit")}: {lastVisit(item, t, format)}
              {flagsOf(item, t).length ? ` · ${flagsOf(item, t).join("、")}` : ""}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** Previous / next links and where we are. */
export function HouseholdPagination({
  page,
  pageCount,
  hrefOf,
  t,
}: {
  page: number;
  pageCount: number;
  hrefOf: (page: number) => string;
  t: Translate;
}) {
  if (pageCount <= 1) return null;
  const linkClass = "inline-flex min-h-11 items-center rounded-md border border-stone-300 bg-white px-4 py-2";
  return (
    <nav aria-label={t("households.pagination.label")} className="flex flex-wrap items-center justify-between gap-3">
      {page > 1 ? (
        <Link href={hrefOf(page - 1)} className={linkClass} rel="prev">
          {t("households.pagination.previous")}
        </Link>
      ) : (
        <span />
      )}
      <span aria-current="page" data-testid="household-page">
        {t("households.pagination.page", { page, pages: pageCount })}
      </span>
      {page < pageCount ? (
        <Link href={hrefOf(page + 1)} className={linkClass} rel="next">
          {t("households.pagination.next")}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
