import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { HOUSEHOLD_STATES } from "@/lib/domain/household-state";
import { OWNER_LOCATIONS, TENURES } from "@/lib/domain/options";
import type { Formatters } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import type { ActionState } from "@/lib/server/action";
import type { HouseholdListOptions } from "@/lib/server/households/get-household-list-options";
import {
  HOUSEHOLD_PAGE_SIZES,
  HOUSEHOLD_SORTS,
  hasActiveFilter,
  toSearchParams,
  UNASSIGNED,
  type HouseholdSort,
  type THouseholdListQuery,
} from "@/lib/server/households/household-filter";
import type { HouseholdListPage } from "@/lib/server/households/list-households";
import { BulkAssignForm } from "./bulk-assign-form";
import { fieldWorkFilters, HouseholdFilters } from "./household-filters";
import { HouseholdCards, HouseholdPagination, HouseholdTable, type SortLink } from "./household-table";

// A project's household list: filters, the count, export and bulk assignment, then the rows as
// a table (wide screens) or cards (phones) and the pages. Every view is a URL.

const BULK_FORM_ID = "bulk-assign-form";

export type HouseholdListProps = {
  list: HouseholdListPage;
  options: HouseholdListOptions;
  /** The list's path, "/projects/<id>/households". */
  base: string;
  may: { assign: boolean; export: boolean; import: boolean };
  assignAction: (state: ActionState, formData: FormData) => Promise<ActionState>;
  t: Translate;
  format: Formatters;
};

/** The list's address with some of the query changed. */
export function householdListHref(base: string, query: THouseholdListQuery, changes: Partial<THouseholdListQuery> = {}): string {
  const qs = toSearchParams({ ...query, ...changes }).toString();
  return qs ? `${base}?${qs}` : base;
}

function sortLabels(t: Translate): Record<HouseholdSort, string> {
  return {
    code: t("households.columns.code"),
    building: t("households.columns.building"),
    head: t("households.columns.head"),
    state: t("households.columns.state"),
    lastVisit: t("households.columns.lastVisit"),
  };
}

function sortLinksOf(base: string, query: THouseholdListQuery, t: Translate): Record<HouseholdSort, SortLink> {
  const labels = sortLabels(t);
  const entries = HOUSEHOLD_SORTS.map((key): [HouseholdSort, SortLink] => {
    const isCurrent = query.sort === key;
    const href = householdListHref(base, query, { sort: key, dir: isCurrent && query.dir === "asc" ? "desc" : "asc", page: 1 });
    return [key, { key, label: labels[key], href, direction: isCurrent ? (query.dir === "asc" ? "ascending" : "descending") : null }];
  });
  return Object.fromEntries(entries) as Record<HouseholdSort, SortLink>;
}

function ListFilters({ list, options, base, t }: HouseholdListProps) {
  const labels = sortLabels(t);
  return (
    <HouseholdFilters
      action={base}
      values={list.query}
      fieldWork={fieldWorkFilters(t)}
      labels={{
        legend: t("households.filters.legend"),
        search: t("households.filters.search"),
        searchHint: t("households.filters.searchHint"),
        state: t("households.filters.state"),
        group: t("households.filters.group"),
        building: t("households.filters.building"),
        tenure: t("households.filters.tenure"),
        owner: t("households.filters.owner"),
        any: t("households.filters.any"),
        party: t("households.filters.party"),
        hardship: t("households.filters.hardship"),
        notVisitedDays: t("households.filters.notVisitedDays"),
        notVisitedHint: t("households.filters.notVisitedHint"),
        apply: t("households.filters.apply"),
        clear: t("households.list.clearFilters"),
        sort: t("households.filters.sort"),
        dir: t("households.filters.dir"),
        size: t("households.filters.size"),
        more: t("households.filters.more"),
        moreActive: t("households.filters.moreActive"),
        toggle: t("households.filters.toggle"),
        toggleActive: t("households.filters.toggleActive"),
      }}
      options={{
        states: HOUSEHOLD_STATES.map((s) => ({ value: s, label: t(`household.states.${s}`) })),
        groups: [
          ...options.signingGroups.map((g) => ({ value: g.id, label: g.name })),
          { value: UNASSIGNED, label: t("households.filters.unassigned") },
        ],
        buildings: options.buildings.map((b) => ({ value: b, label: b })),
        tenures: TENURES.map((v) => ({ value: v, label: t(`households.tenures.${v}`) })),
        owners: OWNER_LOCATIONS.map((v) => ({ value: v, label: t(`households.ownerLocations.${v}`) })),
        sorts: HOUSEHOLD_SORTS.map((s) => ({ value: s, label: labels[s] })),
        dirs: [
          { value: "asc", label: t("households.filters.asc") },
          { value: "desc", label: t("households.filters.desc") },
        ],
        sizes: HOUSEHOLD_PAGE_SIZES.map((s) => ({ value: String(s), label: String(s) })),
      }}
    />
  );
}

function filterOnlyOf(query: THouseholdListQuery): URLSearchParams {
  return toSearchParams({ ...query, page: undefined, size: undefined });
}

function ListSummary({ list, may, t, format }: HouseholdListProps) {
  const { query, total } = list;
  const from = total === 0 ? 0 : (query.page - 1) * query.size + 1;
  const to = Math.min(total, query.page * query.size);
  const filterOnly = filterOnlyOf(query);
  return (
    <div className="flex flex-wrap items-center justify-between gap-3">
      <p aria-live="polite" className="font-medium" data-testid="household-summary">
        {total === 0
          ? t("households.list.summaryEmpty")
          : t("households.list.summary", { total: format.number(total), from: format.number(from), to: format.number(to) })}
      </p>
      {may.export && total > 0 ? (
        <a
          href={`/api/projects/${list.project.id}/households/export${filterOnly.size ? `?${filterOnly}` : ""}`}
          className="inline-flex min-h-11 items-center rounded-md border border-stone-300 bg-white px-4 py-2 font-medium hover:bg-stone-100"
          data-testid="household-export"
          download
        >
          {t("households.list.export")}
        </a>
      ) : null}
    </div>
  );
}

function BulkAssign({ list, options, assignAction, t, format }: HouseholdListProps) {
  return (
    <BulkAssignForm
      formId={BULK_FORM_ID}
      projectId={list.project.id}
      filterQuery={filterOnlyOf(list.query).toString()}
      groups={options.signingGroups.map((g) => ({ value: g.id, label: g.name }))}
      buildings={options.buildings.map((b) => ({ value: b, label: b }))}
      action={assignAction}
      labels={{
        title: t("households.bulk.title"),
        description: t("households.bulk.description"),
        mode: t("households.bulk.mode"),
        selection: t("households.bulk.selection"),
        building: t("households.bulk.building"),
        filter: t("households.bulk.filter", { total: format.number(list.total) }),
        buildingLabel: t("households.bulk.buildingLabel"),
        chooseBuilding: t("households.bulk.chooseBuilding"),
        group: t("households.bulk.group"),
        chooseGroup: t("households.bulk.chooseGroup"),
        submit: t("households.bulk.submit"),
        pending: t("households.bulk.pending"),
      }}
    />
  );
}

function NoHouseholds({ list, base, may, t }: HouseholdListProps) {
  const filtered = hasActiveFilter(list.query);
  return (
    <Alert tone="info" testId={filtered ? "household-no-match" : "household-empty"}>
      {filtered ? (
        <>
          {t("households.list.noMatch")}{" "}
          <Link href={base} className="underline underline-offset-4">
            {t("households.list.clearFilters")}
          </Link>
        </>
      ) : may.import ? (
        t("households.list.empty")
      ) : (
        t("households.list.emptyScoped")
      )}
    </Alert>
  );
}

function ListRows({ list, base, may, t, format }: HouseholdListProps) {
  const hrefOfHousehold = (id: string) => `${base}/${id}`;
  return (
    <>
      <HouseholdTable
        items={list.items}
        sortLinks={sortLinksOf(base, list.query, t)}
        hrefOf={hrefOfHousehold}
        t={t}
        format={format}
        selectionFormId={may.assign ? BULK_FORM_ID : undefined}
      />
      <HouseholdCards items={list.items} hrefOf={hrefOfHousehold} t={t} format={format} />
      <HouseholdPagination
        page={list.query.page}
        pageCount={list.pageCount}
        hrefOf={(page) => householdListHref(base, list.query, { page })}
        t={t}
      />
    </>
  );
}

export function HouseholdList(props: HouseholdListProps) {
  const { list, may, t } = props;
  return (
    <>
      <div>
        <h1 className="text-2xl font-bold">{t("households.list.title")}</h1>
        <p className="text-stone-700">
          {list.project.name} · {list.project.code}
        </p>
      </div>
      <ListFilters {...props} />
      <ListSummary {...props} />
      {may.assign && list.total > 0 ? <BulkAssign {...props} /> : null}
      {list.total === 0 ? <NoHouseholds {...props} /> : <ListRows {...props} />}
    </>
  );
}
