import Link from "next/link";
import { FormField } from "@/components/ui/form-field";
import { Button } from "@/components/ui/button";
import { CheckboxField, SelectField } from "@/components/ui/select-field";
import { HouseholdFiltersDisclosure } from "./household-filters-disclosure";
import type { Translate } from "@/lib/i18n/translate";
import { ATTITUDE_FILTERS, COVERAGE_FILTERS, NO_ATTITUDE, OPEN_TASK_FILTERS } from "@/lib/server/households/household-filter";

export type HouseholdFilterValues = {
  q?: string;
  state?: string;
  group?: string;
  building?: string;
  tenure?: string;
  owner?: string;
  party?: boolean;
  hardship?: boolean;
  notVisitedDays?: number;
  attitude?: string;
  coverage?: string;
  openTask?: string;
  sort: string;
  dir: string;
  size: number;
};

type Option = { value: string; label: string };

export type HouseholdFilterLabels = {
  legend: string;
  search: string;
  searchHint: string;
  state: string;
  group: string;
  building: string;
  tenure: string;
  owner: string;
  any: string;
  party: string;
  hardship: string;
  notVisitedDays: string;
  notVisitedHint: string;
  apply: string;
  clear: string;
  sort: string;
  dir: string;
  size: string;
  more: string;
  /** With {count}. */
  moreActive: string;
  /** The phone's fold: without, and with {count} filters set. */
  toggle: string;
  toggleActive: string;
};

/** The field-work filters (last visit's attitude, due under the coverage rule, open task). */
export type FieldWorkFilterProps = {
  labels: { attitude: string; coverage: string; openTask: string };
  options: { attitudes: Option[]; coverage: Option[]; openTask: Option[] };
};

/** The field-work filters' labels and options in the reader's language. */
export function fieldWorkFilters(t: Translate): FieldWorkFilterProps {
  return {
    labels: {
      attitude: t("coverage.filters.attitude"),
      coverage: t("coverage.filters.coverage"),
      openTask: t("coverage.filters.openTask"),
    },
    options: {
      attitudes: ATTITUDE_FILTERS.map((a) => ({
        value: a,
        label: a === NO_ATTITUDE ? t("coverage.filters.attitudeNone") : t(`visits.attitudes.${a}`),
      })),
      coverage: COVERAGE_FILTERS.map((c) => ({ value: c, label: t(`coverage.filters.coverageValues.${c}`) })),
      openTask: OPEN_TASK_FILTERS.map((o) => ({ value: o, label: t(`coverage.filters.openTaskValues.${o}`) })),
    },
  };
}

/**
 * The list's filters as a plain GET form: submitting puts them in the URL, so the view can be
 * shared and works without JavaScript. Paging restarts at page 1 on every new filter.
 */
export function HouseholdFilters({
  action,
  values,
  labels,
  options,
  fieldWork,
}: {
  action: string;
  values: HouseholdFilterValues;
  labels: HouseholdFilterLabels;
  options: {
    states: Option[];
    groups: Option[];
    buildings: Option[];
    tenures: Option[];
    owners: Option[];
    sorts: Option[];
    dirs: Option[];
    sizes: Option[];
  };
  fieldWork?: FieldWorkFilterProps;
}) {
  const moreActive = [
    values.building,
    values.tenure,
    values.owner,
    values.notVisitedDays,
    values.party,
    values.hardship,
    ...(fieldWork ? [values.attitude, values.coverage, values.openTask] : []),
  ].filter((v) => v !== undefined).length;
  const active = [values.q, values.state, values.group].filter((v) => v !== undefined && v !== "").length + moreActive;
  return (
    <HouseholdFiltersDisclosure label={active > 0 ? labels.toggleActive.replace("{count}", String(active)) : labels.toggle}>
      <form
        method="get"
        action={action}
        role="search"
        aria-label={labels.legend}
        className="rounded-lg border border-stone-200 bg-white p-4"
        data-testid="household-filters"
      >
        <fieldset className="flex flex-col gap-3">
          <legend className="mb-2 text-lg font-semibold">{labels.legend}</legend>
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
            <div className="sm:col-span-2">
              <FormField
                id="filter-q"
                name="q"
                type="search"
                label={labels.search}
                hint={labels.searchHint}
                defaultValue={values.q ?? ""}
                maxLength={100}
              />
            </div>
            <SelectField
              id="filter-state"
              name="state"
              label={labels.state}
              placeholder={labels.any}
              options={options.states}
              defaultValue={values.state ?? ""}
            />
            <SelectField
              id="filter-group"
              name="group"
              label={labels.group}
              placeholder={labels.any}
              options={options.groups}
              defaultValue={values.group ?? ""}
            />
          </div>
          {/* The rarer filters fold away so that on a phone the list is one screen down, not five. */}
          <details open={moreActive > 0} className="rounded-md border border-stone-200 p-3">
            <summary className="min-h-11 cursor-pointer py-2 font-medium">
              {moreActive > 0 ? labels.moreActive.replace("{count}", String(moreActive)) : labels.more}
            </summary>
            <div className="mt-2 flex flex-col gap-3">
              <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
                <SelectField
                  id="filter-building"
                  name="building"
                  label={labels.building}
                  placeholder={labels.any}
                  options={options.buildings}
                  defaultValue={values.building ?? ""}
                />
                <SelectField
                  id="filter-tenure"
                  name="tenure"
                  label={labels.tenure}
                  placeholder={labels.any}
                  options={options.tenures}
                  defaultValue={values.tenure ?? ""}
                />
                <SelectField
                  id="filter-owner"
                  name="owner"
                  label={labels.owner}
                  placeholder={labels.any}
                  options={options.owners}
                  defaultValue={values.owner ?? ""}
                />
                <FormField
                  id="filter-not-visited"
                  name="notVisitedDays"
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={3650}
                  label={labels.notVisitedDays}
                  hint={labels.notVisitedHint}
                  defaultValue={values.notVisitedDays ?? ""}
                />
              </div>
              {fieldWork ? (
                <div className="grid grid-cols-1 gap-3 sm:grid-cols-3 lg:grid-cols-4">
                  <SelectField
                    id="filter-attitude"
                    name="attitude"
                    label={fieldWork.labels.attitude}
                    placeholder={labels.any}
                    options={fieldWork.options.attitudes}
                    defaultValue={values.attitude ?? ""}
                  />
                  <SelectField
                    id="filter-coverage"
                    name="coverage"
                    label={fieldWork.labels.coverage}
                    placeholder={labels.any}
                    options={fieldWork.options.coverage}
                    defaultValue={values.coverage ?? ""}
                  />
                  <SelectField
                    id="filter-open-task"
                    name="openTask"
                    label={fieldWork.labels.openTask}
                    placeholder={labels.any}
                    options={fieldWork.options.openTask}
                    defaultValue={values.openTask ?? ""}
                  />
                </div>
              ) : null}
              <div className="flex flex-wrap gap-x-6">
                <CheckboxField id="filter-party" name="party" value="1" label={labels.party} defaultChecked={values.party ?? false} />
                <CheckboxField
                  id="filter-hardship"
                  name="hardship"
                  value="1"
                  label={labels.hardship}
                  defaultChecked={values.hardship ?? false}
                />
              </div>
              <div className="grid grid-cols-1 gap-3 sm:grid-cols-3 lg:grid-cols-4">
                <SelectField id="filter-sort" name="sort" label={labels.sort} options={options.sorts} defaultValue={values.sort} />
                <SelectField id="filter-dir" name="dir" label={labels.dir} options={options.dirs} defaultValue={values.dir} />
                <SelectField id="filter-size" name="size" label={labels.size} options={options.sizes} defaultValue={String(values.size)} />
              </div>
            </div>
          </details>
          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit">{labels.apply}</Button>
            <Link href={action} className="inline-flex min-h-11 items-center px-2 text-brand-700 underline underline-offset-4">
              {labels.clear}
            </Link>
          </div>
        </fieldset>
      </form>
    </HouseholdFiltersDisclosure>
  );
}
