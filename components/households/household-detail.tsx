// The household page's sections (app/(staff)/projects/[projectId]/households/[householdId]): the
// page reads the household and hands it in; these render it.
import { ColumnHeader, RowHeader, Table, TableBody, TableCell, TableHead, TableRegion, TableRow } from "@/components/ui/table";
import { OWNER_LOCATIONS, TENURES } from "@/lib/domain/options";
import type { Formatters } from "@/lib/i18n/format";
import type { Locale, Translate } from "@/lib/i18n/translate";
import type { ActionState } from "@/lib/server/action";
import type { HouseholdDetail } from "@/lib/server/households/get-household";
import { AssignOneForm } from "./assign-one-form";
import { HouseholdEditForm, type EditableHousehold, type HouseholdEditLabels } from "./household-edit-form";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

export function HouseholdHeading({ household, t }: { household: HouseholdDetail; t: Translate }) {
  return (
    <div>
      <h1 className="text-2xl font-bold">
        <span data-testid="household-code">{household.code}</span> · <span data-testid="household-head">{household.headName}</span>
      </h1>
      <p className="text-stone-700">{household.project.name}</p>
      <p className="mt-1 flex flex-wrap gap-x-4">
        <span>
          {t("households.detail.state")}: <strong data-testid="household-state">{t(`household.states.${household.state}`)}</strong>
        </span>
        <span>
          {t("households.detail.group")}:{" "}
          <strong data-testid="household-group">{household.group?.name ?? t("households.detail.noGroup")}</strong>
        </span>
      </p>
      {household.isExcluded ? (
        <p className="mt-1">{t("households.detail.excluded", { reason: household.exclusionReason ?? t("common.none") })}</p>
      ) : null}
    </div>
  );
}

function factsOf(h: HouseholdDetail, t: Translate, locale: Locale, f: Formatters): { label: string; value: string; testId?: string }[] {
  const none = t("common.none");
  const flags = [
    h.isPartyMemberHousehold ? t("households.flags.party") : null,
    h.isHardship ? t("households.flags.hardship") : null,
    h.isElderlySickDisabled ? t("households.flags.elderly") : null,
    h.hasFamilyDispute ? t("households.flags.dispute") : null,
  ].filter((flag): flag is string => flag !== null);
  return [
    { label: t("households.detail.address"), value: h.address },
    { label: t("households.detail.lane"), value: h.lane ?? none },
    { label: t("households.detail.building"), value: h.building },
    { label: t("households.detail.number"), value: h.number ?? none },
    { label: t("households.detail.room"), value: h.room ?? none },
    { label: t("households.detail.tenure"), value: t(`households.tenures.${h.tenure}`) },
    { label: t("households.detail.phone"), value: h.phone ?? none, testId: "household-phone" },
    {
      label: t("households.detail.registeredPopulation"),
      value: t("households.detail.persons", { count: f.number(h.registeredPopulation) }),
    },
    { label: t("households.detail.residentCount"), value: t("households.detail.persons", { count: f.number(h.residentCount) }) },
    { label: t("households.detail.floorArea"), value: h.floorArea },
    { label: t("households.detail.livingArea"), value: h.livingArea ?? none },
    { label: t("households.detail.ownerLocation"), value: t(`households.ownerLocations.${h.ownerLocation}`) },
    { label: t("households.detail.vote"), value: t(`household.votes.${h.firstRoundVote ?? "NONE"}`) },
    { label: t("households.detail.lastVisit"), value: h.lastVisitAt ? f.dateTime(h.lastVisitAt) : t("households.list.never") },
    {
      label: t("households.detail.flags"),
      value: flags.length ? flags.join(locale === "en" ? ", " : "、") : t("households.detail.noFlags"),
      testId: "household-flags",
    },
  ];
}

export function HouseholdFacts({ household, t, locale, f }: { household: HouseholdDetail; t: Translate; locale: Locale; f: Formatters }) {
  return (
    <section aria-labelledby="facts-title" className="rounded-lg border border-stone-200 bg-white p-4">
      <h2 id="facts-title" className="mb-3 text-lg font-semibold">
        {t("households.detail.facts")}
      </h2>
      <dl className="grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-2 lg:grid-cols-3">
        {factsOf(household, t, locale, f).map((fact) => (
          <div key={fact.label}>
            <dt className="text-sm text-stone-600">{fact.label}</dt>
            <dd data-testid={fact.testId}>{fact.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

export function HouseholdSigningSummary({ household, t, f }: { household: HouseholdDetail; t: Translate; f: Formatters }) {
  const signing = household.signing;
  return (
    <section aria-labelledby="signing-title" className="rounded-lg border border-stone-200 bg-white p-4" data-testid="household-signing">
      <h2 id="signing-title" className="mb-3 text-lg font-semibold">
        {t("households.detail.signing")}
      </h2>
      {signing ? (
        <dl className="grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-2">
          <div>
            <dt className="text-sm text-stone-600">{t("households.detail.agreementNumber")}</dt>
            <dd data-testid="agreement-number">{signing.agreementNumber}</dd>
          </div>
          <div>
            <dt className="text-sm text-stone-600">{t("households.detail.channel")}</dt>
            <dd>{t(`households.detail.channels.${signing.channel}`)}</dd>
          </div>
          <div>
            <dt className="text-sm text-stone-600">{t("households.detail.signedAt")}</dt>
            <dd>{f.dateTime(signing.signedAt)}</dd>
          </div>
          <div>
            <dt className="text-sm text-stone-600">{t("households.detail.agreementStatus")}</dt>
            <dd data-testid="agreement-status">{t(`households.detail.statuses.${signing.status}`)}</dd>
          </div>
        </dl>
      ) : (
        <p>{t("households.detail.notSigned")}</p>
      )}
      {household.movedOutAt || household.handedOverAt ? (
        <p className="mt-2 text-stone-700">
          {household.movedOutAt ? `${t("household.states.MOVED_OUT")}: ${f.date(household.movedOutAt)}` : null}
          {household.handedOverAt ? ` · ${t("household.states.HANDED_OVER")}: ${f.date(household.handedOverAt)}` : null}
        </p>
      ) : null}
    </section>
  );
}

export function HouseholdMembers({ household, t }: { household: HouseholdDetail; t: Translate }) {
  return (
    <section aria-labelledby="members-title" className="rounded-lg border border-stone-200 bg-white p-4">
      <h2 id="members-title" className="mb-3 text-lg font-semibold">
        {t("households.detail.members")}
      </h2>
      {household.members.length === 0 ? (
        <p>{t("households.detail.noMembers")}</p>
      ) : (
        <TableRegion labelledBy="members-title" className="overflow-x-auto">
          <Table className="min-w-[32rem]" testId="household-members">
            <TableHead>
              <ColumnHeader>{t("households.detail.memberName")}</ColumnHeader>
              <ColumnHeader>{t("households.detail.relation")}</ColumnHeader>
              <ColumnHeader>{t("households.detail.idNumber")}</ColumnHeader>
              <ColumnHeader>{t("households.detail.partyMember")}</ColumnHeader>
            </TableHead>
            <TableBody>
              {household.members.map((m) => (
                <TableRow key={m.id}>
                  <RowHeader>{m.name}</RowHeader>
                  <TableCell>{m.relation}</TableCell>
                  <TableCell className="font-mono tabular-nums" data-testid="member-id-number">
                    {m.idNumberMasked ?? t("common.none")}
                  </TableCell>
                  <TableCell>{m.isPartyMember ? t("households.detail.yes") : t("households.detail.no")}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableRegion>
      )}
    </section>
  );
}

/** Moving the household to another signing group, for those who assign households. */
export function HouseholdAssignSection({
  household,
  groups,
  t,
  action,
}: {
  household: HouseholdDetail;
  groups: { id: string; name: string }[];
  t: Translate;
  action: Action;
}) {
  return (
    <AssignOneForm
      projectId={household.projectId}
      householdId={household.id}
      currentGroupId={household.group?.id ?? null}
      groups={groups.map((g) => ({ value: g.id, label: g.name }))}
      action={action}
      labels={{
        title: t("households.assignOne.title"),
        current: t("households.assignOne.current", { group: household.group?.name ?? t("households.detail.noGroup") }),
        group: t("households.bulk.group"),
        chooseGroup: t("households.bulk.chooseGroup"),
        submit: t("households.assignOne.submit"),
        pending: t("households.bulk.pending"),
      }}
    />
  );
}

function editableOf(h: HouseholdDetail): EditableHousehold {
  return {
    id: h.id,
    projectId: h.projectId,
    version: h.version,
    lane: h.lane,
    building: h.building,
    number: h.number,
    room: h.room,
    address: h.address,
    headName: h.headName,
    phone: h.phone,
    registeredPopulation: h.registeredPopulation,
    residentCount: h.residentCount,
    floorArea: h.floorArea,
    livingArea: h.livingArea,
    tenure: h.tenure,
    ownerLocation: h.ownerLocation,
    isPartyMemberHousehold: h.isPartyMemberHousehold,
    isHardship: h.isHardship,
    isElderlySickDisabled: h.isElderlySickDisabled,
    hasFamilyDispute: h.hasFamilyDispute,
  };
}

function editLabels(t: Translate): HouseholdEditLabels {
  return {
    title: t("households.edit.title"),
    description: t("households.edit.description"),
    save: t("households.edit.save"),
    saving: t("households.edit.saving"),
    reload: t("households.edit.reload"),
    lane: t("households.detail.lane"),
    building: t("households.detail.building"),
    number: t("households.detail.number"),
    room: t("households.detail.room"),
    address: t("households.detail.address"),
    headName: t("households.detail.headName"),
    phone: t("households.detail.phone"),
    registeredPopulation: t("households.detail.registeredPopulation"),
    residentCount: t("households.detail.residentCount"),
    floorArea: t("households.detail.floorArea"),
    livingArea: t("households.detail.livingArea"),
    tenure: t("households.detail.tenure"),
    ownerLocation: t("households.detail.ownerLocation"),
    isPartyMemberHousehold: t("households.flags.party"),
    isHardship: t("households.flags.hardship"),
    isElderlySickDisabled: t("households.flags.elderly"),
    hasFamilyDispute: t("households.flags.dispute"),
  };
}

/** Editing the household's facts, for those who update households; `reloadHref` is this page. */
export function HouseholdEditSection({
  household,
  t,
  action,
  reloadHref,
}: {
  household: HouseholdDetail;
  t: Translate;
  action: Action;
  reloadHref: string;
}) {
  return (
    <HouseholdEditForm
      household={editableOf(household)}
      action={action}
      reloadHref={reloadHref}
      tenures={TENURES.map((v) => ({ value: v, label: t(`households.tenures.${v}`) }))}
      ownerLocations={OWNER_LOCATIONS.map((v) => ({ value: v, label: t(`households.ownerLocations.${v}`) }))}
      labels={editLabels(t)}
    />
  );
}
