import Link from "next/link";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { DEMAND_CATEGORIES, DEMAND_STATUSES } from "@/lib/domain/field-work";
import type { Formatters } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import { DEMAND_COLOURS, demandFilterParams, NO_GROUP, UNRESOLVED } from "@/lib/server/demands/demand-filter";
import type { DemandListPage } from "@/lib/server/demands/list-demands";
import { DemandClockBadge } from "./demand-clock";

// A project's demand list: the filters (a GET form, so every view is a link), the count and the
// export, then one card per demand, the most urgent first. Cards rather than a table: special
// group leaders work this list on a phone.

type Props = { page: DemandListPage; base: string; t: Translate; format: Formatters };

export function DemandFilters({ page, base, t }: Props) {
  const { filter } = page;
  return (
    <form
      method="get"
      action={base}
      role="search"
      aria-label={t("demands.filters.legend")}
      className="rounded-lg border border-stone-200 bg-white p-4"
      data-testid="demand-filters"
    >
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-2 text-lg font-semibold">{t("demands.filters.legend")}</legend>
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <SelectField
            id="demand-filter-status"
            name="status"
            label={t("demands.filters.status")}
            placeholder={t("demands.filters.any")}
            defaultValue={filter.status ?? ""}
            options={[
              { value: UNRESOLVED, label: t("demands.filters.unresolved") },
              ...DEMAND_STATUSES.map((s) => ({ value: s, label: t(`demands.statuses.${s}`) })),
            ]}
          />
          <SelectField
            id="demand-filter-category"
            name="category"
            label={t("demands.filters.category")}
            placeholder={t("demands.filters.any")}
            defaultValue={filter.category ?? ""}
            options={DEMAND_CATEGORIES.map((c) => ({ value: c, label: t(`demands.categories.${c}`) }))}
          />
          <SelectField
            id="demand-filter-group"
            name="group"
            label={t("demands.filters.group")}
            placeholder={t("demands.filters.any")}
            defaultValue={filter.group ?? ""}
            options={[
              ...page.specialGroups.map((g) => ({ value: g.id, label: g.name })),
              { value: NO_GROUP, label: t("demands.list.noGroup") },
            ]}
          />
          <SelectField
            id="demand-filter-colour"
            name="colour"
            label={t("demands.filters.colour")}
            placeholder={t("demands.filters.any")}
            defaultValue={filter.colour ?? ""}
            options={DEMAND_COLOURS.map((c) => ({ value: c, label: t(`demands.colours.${c}`) }))}
          />
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit">{t("demands.filters.apply")}</Button>
          <Link href={base} className="inline-flex min-h-11 items-center px-2 text-brand-700 underline underline-offset-4">
            {t("demands.list.clearFilters")}
          </Link>
        </div>
      </fieldset>
    </form>
  );
}

export function DemandSummary({ page, t, format }: Props) {
  const params = demandFilterParams(page.filter);
  return (
    <div className="flex flex-wrap items-center justify-between gap-3">
      <div>
        <p aria-live="polite" className="font-medium" data-testid="demand-summary">
          {t("demands.list.summary", { count: format.number(page.items.length) })}
        </p>
        <p className="text-sm text-stone-700">
          {t("demands.list.byStatus")}:{" "}
          {DEMAND_STATUSES.map((s) => `${t(`demands.statuses.${s}`)} ${format.number(page.byStatus[s])}`).join(" · ")}
        </p>
      </div>
      {page.mayExport && page.items.length > 0 ? (
        <a
          href={`/api/projects/${page.project.id}/demands/export${params.size ? `?${params}` : ""}`}
          className="inline-flex min-h-11 items-center rounded-md border border-stone-300 bg-white px-4 py-2 font-medium hover:bg-stone-100"
          data-testid="demand-export"
          download
        >
          {t("demands.list.export")}
        </a>
      ) : null}
    </div>
  );
}

export function DemandCards({ page, base, t, format }: Props) {
  return (
    <ul className="flex flex-col gap-3" aria-label={t("demands.list.caption")} data-testid="demand-list">
      {page.items.map((d) => (
        <li key={d.id} className="rounded-lg border border-stone-200 bg-white p-4" data-testid="demand-card" data-demand-id={d.id}>
          <div className="flex flex-wrap items-start justify-between gap-2">
            <h3 className="text-base font-semibold">
              <Link
                href={`${base}/${d.id}`}
                className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-4"
                aria-label={t("demands.list.open", { code: d.householdCode })}
              >
                {d.householdCode} · {t(`demands.categories.${d.category}`)}
              </Link>
            </h3>
            <DemandClockBadge item={d} t={t} />
          </div>
          <p className="mt-1 line-clamp-3 text-stone-900">{d.description}</p>
          <dl className="mt-2 grid grid-cols-1 gap-x-4 gap-y-1 text-sm text-stone-700 sm:grid-cols-3">
            <div>
              <dt className="text-stone-600">{t("demands.columns.status")}</dt>
              <dd className="font-medium text-stone-900" data-testid="demand-status">
                {t(`demands.statuses.${d.status}`)}
              </dd>
            </div>
            <div>
              <dt className="text-stone-600">{t("demands.columns.group")}</dt>
              <dd className="text-stone-900">{d.groupName ?? t("demands.list.noGroup")}</dd>
            </div>
            <div>
              <dt className="text-stone-600">{t("demands.columns.raisedAt")}</dt>
              <dd className="text-stone-900">{format.dateTime(d.raisedAt)}</dd>
            </div>
          </dl>
          {d.mayManage && d.status !== "RESOLVED" ? (
            <p className="mt-2 text-sm font-medium text-brand-800">{t("demands.list.manageable")}</p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** No demand at all, or none matching: say which, and what to do. */
export function DemandEmpty({ page, base, t }: Props) {
  const filtered = demandFilterParams(page.filter).size > 0;
  return (
    <section
      className="rounded-lg border border-dashed border-stone-300 bg-white p-6"
      data-testid={filtered ? "demand-no-match" : "demand-empty"}
    >
      {filtered ? (
        <p>
          {t("demands.list.noMatch")}{" "}
          <Link href={base} className="text-brand-700 underline underline-offset-4">
            {t("demands.list.clearFilters")}
          </Link>
        </p>
      ) : (
        <>
          <h2 className="text-lg font-semibold">{t("demands.list.empty")}</h2>
          <p className="mt-1 text-stone-700">{t("demands.list.emptyHint")}</p>
        </>
      )}
    </section>
  );
}
