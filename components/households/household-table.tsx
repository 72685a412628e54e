import { serverEnv } from "@/lib/env";
import Link from "next/link";
import type { Locale, Translate } from "@/lib/i18n/translate";
import type { HouseholdListItem } from "@/lib/server/households/list-households";
import { SelectAllCheckbox } from "./select-all-checkbox";

export type SortLink = { key: string; label: string; href: string; direction: "ascending" | "descending" | null };

function flagsOf(item: HouseholdListItem, t: Translate): string[] {
  return [
    item.isPartyMemberHousehold ? t("households.flags.party") : null,
    item.hasHardship ? t("households.flags.hardship") : null,
  ].filter((f): f is string => f !== null);
}

function lastVisit(item: HouseholdListItem, t: Translate, format: Intl.DateTimeFormat): string {
  return item.lastVisitAt ? format.format(item.lastVisitAt) : t("households.list.never");
}

/** Wide screens: a table in a focusable scroll region, sortable by the column headers, with a
 *  checkbox per row for bulk assignment when `selectionFormId` is given. */
export function HouseholdTable({
  items,
  sortLinks,
  hrefOf,
  t,
  locale,
  selectionFormId,
}: {
  items: HouseholdListItem[];
  sortLinks: Record<"code" | "building" | "head" | "state" | "lastVisit", SortLink>;
  hrefOf: (id: string) => string;
  t: Translate;
  locale: Locale;
  selectionFormId?: string;
}) {
  const format = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: serverEnv().LIANXIN_TIME_ZONE });
  const sortHeader = (link: SortLink) => (
    <th scope="col" className="px-3 py-2" aria-sort={link.direction ?? undefined}>
      <Link href={link.href} className="inline-flex min-h-11 items-center gap-1 underline-offset-4 hover:underline">
        {link.label}
        <span aria-hidden="true">{link.direction === "ascending" ? "▲" : link.direction === "descending" ? "▼" : ""}</span>
        <span className="sr-only">
          {link.direction === "ascending" ? t("households.sortedAsc") : link.direction === "descending" ? t("households.sortedDesc") : ""}
        </span>
      </Link>
    </th>
  );
  return (
    <div className="hidden overflow-x-auto rounded-lg border border-stone-200 bg-white md:block" tabIndex={0} role="region" aria-label={t("households.list.tableLabel")}>
      <table className="w-full min-w-[56rem] text-left text-base" data-testid="household-table">
        <caption className="sr-only">{t("households.list.title")}</caption>
        <thead className="bg-stone-100 text-sm text-stone-700">
          <tr>
            {selectionFormId ? (
              <th scope="col" className="w-12 px-3 py-2">
                <SelectAllCheckbox formId={selectionFormId} label={t("households.bulk.selectAll")} />
              </th>
            ) : null}
            {sortHeader(sortLinks.code)}
            {sortHeader(sortLinks.building)}
            {sortHeader(sortLinks.head)}
            <th scope="col" className="px-3 py-2">{t("households.columns.group")}</th>
            {sortHeader(sortLinks.state)}
            {sortHeader(sortLinks.lastVisit)}
            <th scope="col" className="px-3 py-2">{t("households.columns.flags")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id} className="border-t border-stone-200" data-testid={`household-row-${item.code}`}>
              {selectionFormId ? (
                <td className="px-3 py-2">
                  <input
                    type="checkbox"
                    name="householdIds"
                    value={item.id}
                    form={selectionFormId}
                    aria-label={t("households.bulk.selectRow", { code: item.code })}
                    className="size-5 accent-brand-700"
                  />
                </td>
              ) : null}
              <th scope="row" className="whitespace-nowrap px-3 py-2 font-medium">
                <Link href={hrefOf(item.id)} prefetch={false} className="text-brand-700 underline underline-offset-4">
                  {item.code}
                </Link>
              </th>
              <td className="px-3 py-2">
                {item.building}
                <div className="text-sm text-stone-600">{item.address}</div>
              </td>
              <td className="px-3 py-2">{item.headName}</td>
              <td className="px-3 py-2" data-testid="household-group">{item.group?.name ?? t("households.filters.unassigned")}</td>
              <td className="px-3 py-2" data-testid="household-state">{t(`household.states.${item.state}`)}</td>
              <td className="px-3 py-2 tabular-nums">{lastVisit(item, t, format)}</td>
              <td className="px-3 py-2 text-sm">{flagsOf(item, t).join("、")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Narrow screens (field staff on phones): one card per household, the whole card a link. */
export function HouseholdCards({ items, hrefOf, t, locale }: { items: HouseholdListItem[]; hrefOf: (id: string) => string; t: Translate; locale: Locale }) {
  const format = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: serverEnv().LIANXIN_TIME_ZONE });
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
      <span aria-current="page" data-testid="household-page">{t("households.pagination.page", { page, pages: pageCount })}</span>
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
