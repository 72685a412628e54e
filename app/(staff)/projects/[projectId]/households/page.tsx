import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { BulkAssignForm } from "@/components/households/bulk-assign-form";
import { HouseholdFilters } from "@/components/households/household-filters";
import { HouseholdCards, HouseholdPagination, HouseholdTable, type SortLink } from "@/components/households/household-table";
import { PageShell } from "@/components/layout/page-shell";
import { ProjectNav } from "@/components/projects/project-nav";
import { Alert } from "@/components/ui/alert";
import { requireActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { HOUSEHOLD_STATES } from "@/lib/domain/household-state";
import { isAppError } from "@/lib/errors";
import { getLocale, getTranslator } from "@/lib/i18n/server";
import { getHouseholdListOptions } from "@/lib/server/households/get-household-list-options";
import {
  HOUSEHOLD_PAGE_SIZES,
  HOUSEHOLD_SORTS,
  hasActiveFilter,
  toSearchParams,
  UNASSIGNED,
  type THouseholdListQuery,
} from "@/lib/server/households/household-filter";
import { listHouseholds } from "@/lib/server/households/list-households";
import { assignHouseholdsAction } from "./actions";

type Props = {
  params: Promise<{ projectId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const BULK_FORM_ID = "bulk-assign-form";
const TENURES = ["PUBLIC_LEASE", "PRIVATE_PROPERTY", "OTHER"] as const;
const OWNERS = ["LOCAL", "OTHER_CITY", "OTHER_PROVINCE", "HK_MACAO_TW", "OVERSEAS"] as const;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("households.list.title") };
}

async function orNotFound<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    // Out of scope, unknown or malformed id: all the same "not found".
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "VALIDATION")) notFound();
    throw error;
  }
}

export default async function HouseholdListPage({ params, searchParams }: Props) {
  const actor = await requireActor();
  if (actor.role === "RESIDENT") redirect("/my-household");
  const [{ projectId }, search] = await Promise.all([params, searchParams]);
  const [t, locale, list, options] = await Promise.all([
    getTranslator(),
    getLocale(),
    orNotFound(listHouseholds(actor, { ...search, projectId })),
    orNotFound(getHouseholdListOptions(actor, { projectId })),
  ]);
  const { query } = list;
  const base = `/projects/${projectId}/households`;
  const href = (changes: Partial<THouseholdListQuery>) => {
    const qs = toSearchParams({ ...query, ...changes }).toString();
    return qs ? `${base}?${qs}` : base;
  };
  const filterOnly = toSearchParams({ ...query, page: undefined, size: undefined });
  const n = new Intl.NumberFormat(locale);
  const from = list.total === 0 ? 0 : (query.page - 1) * query.size + 1;
  const to = Math.min(list.total, query.page * query.size);
  const filtered = hasActiveFilter(query);

  const sortLabel: Record<(typeof HOUSEHOLD_SORTS)[number], string> = {
    code: t("households.columns.code"),
    building: t("households.columns.building"),
    head: t("households.columns.head"),
    state: t("households.columns.state"),
    lastVisit: t("households.columns.lastVisit"),
  };
  const sortLinks = Object.fromEntries(
    HOUSEHOLD_SORTS.map((key): [string, SortLink] => {
      const isCurrent = query.sort === key;
      return [
        key,
        {
          key,
          label: sortLabel[key],
          href: href({ sort: key, dir: isCurrent && query.dir === "asc" ? "desc" : "asc", page: 1 }),
          direction: isCurrent ? (query.dir === "asc" ? "ascending" : "descending") : null,
        },
      ];
    }),
  ) as Record<(typeof HOUSEHOLD_SORTS)[number], SortLink>;

  const groupOptions = options.signingGroups.map((g) => ({ value: g.id, label: g.name }));
  const buildingOptions = options.buildings.map((b) => ({ value: b, label: b }));
  const canAssign = can(actor, "assign", "household");
  const canExport = can(actor, "export", "household");
  const hrefOfHousehold = (id: string) => `${base}/${id}`;

  return (
    <PageShell actor={actor} currentPath={href({})}>
      <ProjectNav actor={actor} projectId={projectId} current="households" />
      <div>
        <h1 className="text-2xl font-bold">{t("households.list.title")}</h1>
        <p className="text-stone-700">
          {list.project.name} · {list.project.code}
        </p>
      </div>

      <HouseholdFilters
        action={base}
        values={query}
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
        }}
        options={{
          states: HOUSEHOLD_STATES.map((s) => ({ value: s, label: t(`household.states.${s}`) })),
          groups: [...groupOptions, { value: UNASSIGNED, label: t("households.filters.unassigned") }],
          buildings: buildingOptions,
          tenures: TENURES.map((v) => ({ value: v, label: t(`households.tenures.${v}`) })),
          owners: OWNERS.map((v) => ({ value: v, label: t(`households.ownerLocations.${v}`) })),
          sorts: HOUSEHOLD_SORTS.map((s) => ({ value: s, label: sortLabel[s] })),
          dirs: [
            { value: "asc", label: t("households.filters.asc") },
            { value: "desc", label: t("households.filters.desc") },
          ],
          sizes: HOUSEHOLD_PAGE_SIZES.map((s) => ({ value: String(s), label: String(s) })),
        }}
      />

      <div className="flex flex-wrap items-center justify-between gap-3">
        <p aria-live="polite" className="font-medium" data-testid="household-summary">
          {list.total === 0
            ? t("households.list.summaryEmpty")
            : t("households.list.summary", { total: n.format(list.total), from: n.format(from), to: n.format(to) })}
        </p>
        {canExport && list.total > 0 ? (
          <a
            href={`/api/projects/${projectId}/households/export${filterOnly.size ? `?${filterOnly}` : ""}`}
            className="inline-flex min-h-11 items-center rounded-md border border-stone-300 bg-white px-4 py-2 font-medium hover:bg-stone-100"
            data-testid="household-export"
            download
          >
            {t("households.list.export")}
          </a>
        ) : null}
      </div>

      {canAssign && list.total > 0 ? (
        <BulkAssignForm
          formId={BULK_FORM_ID}
          projectId={projectId}
          filterQuery={filterOnly.toString()}
          groups={groupOptions}
          buildings={buildingOptions}
          action={assignHouseholdsAction}
          labels={{
            title: t("households.bulk.title"),
            description: t("households.bulk.description"),
            mode: t("households.bulk.mode"),
            selection: t("households.bulk.selection"),
            building: t("households.bulk.building"),
            filter: t("households.bulk.filter", { total: n.format(list.total) }),
            buildingLabel: t("households.bulk.buildingLabel"),
            chooseBuilding: t("households.bulk.chooseBuilding"),
            group: t("households.bulk.group"),
            chooseGroup: t("households.bulk.chooseGroup"),
            submit: t("households.bulk.submit"),
            pending: t("households.bulk.pending"),
          }}
        />
      ) : null}
      {list.total === 0 ? (
        <Alert tone="info" testId={filtered ? "household-no-match" : "household-empty"}>
          {filtered ? (
            <>
              {t("households.list.noMatch")}{" "}
              <Link href={base} className="underline underline-offset-4">
                {t("households.list.clearFilters")}
              </Link>
            </>
          ) : can(actor, "import", "household") ? (
            t("households.list.empty")
          ) : (
            t("households.list.emptyScoped")
          )}
        </Alert>
      ) : (
        <>
          <HouseholdTable
            items={list.items}
            sortLinks={sortLinks}
            hrefOf={hrefOfHousehold}
            t={t}
            locale={locale}
            selectionFormId={canAssign ? BULK_FORM_ID : undefined}
          />
          <HouseholdCards items={list.items} hrefOf={hrefOfHousehold} t={t} locale={locale} />
          <HouseholdPagination page={query.page} pageCount={list.pageCount} hrefOf={(page) => href({ page })} t={t} />
        </>
      )}

    </PageShell>
  );
}
