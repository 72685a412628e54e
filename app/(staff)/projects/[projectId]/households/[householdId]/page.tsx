import { serverEnv } from "@/lib/env";
import { formatters } from "@/lib/i18n/format";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { AssignOneForm } from "@/components/households/assign-one-form";
import { HouseholdEditForm } from "@/components/households/household-edit-form";
import { HouseholdTimeline } from "@/components/households/household-timeline";
import { PageShell } from "@/components/layout/page-shell";
import { ProjectNav } from "@/components/projects/project-nav";
import { HouseholdSigningPanel } from "@/components/signing/household-signing-panel";
import { requireActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { isAppError } from "@/lib/errors";
import { getLocale, getTranslator } from "@/lib/i18n/server";
import { getHousehold, type HouseholdDetail } from "@/lib/server/households/get-household";
import { getHouseholdListOptions } from "@/lib/server/households/get-household-list-options";
import { assignHouseholdAction, updateHouseholdAction } from "./actions";

type Props = { params: Promise<{ projectId: string; householdId: string }> };

const TENURES = ["PUBLIC_LEASE", "PRIVATE_PROPERTY", "OTHER"] as const;
const OWNERS = ["LOCAL", "OTHER_CITY", "OTHER_PROVINCE", "HK_MACAO_TW", "OVERSEAS"] as const;

async function loadHousehold(actor: Awaited<ReturnType<typeof requireActor>>, projectId: string, householdId: string): Promise<HouseholdDetail> {
  try {
    return await getHousehold(actor, { projectId, householdId });
  } catch (error) {
    // Out of scope, unknown or malformed id: all the same "not found".
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "VALIDATION")) notFound();
    throw error;
  }
}

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("households.list.title") };
}

export default async function HouseholdPage({ params }: Props) {
  const actor = await requireActor();
  if (actor.role === "RESIDENT") redirect("/my-household");
  const { projectId, householdId } = await params;
  const [t, locale, household] = await Promise.all([getTranslator(), getLocale(), loadHousehold(actor, projectId, householdId)]);
  const canEdit = can(actor, "update", "household");
  const canAssign = can(actor, "assign", "household");
  const groups = canAssign ? (await getHouseholdListOptions(actor, { projectId })).signingGroups : [];
  const n = new Intl.NumberFormat(locale);
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: serverEnv().LIANXIN_TIME_ZONE });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: serverEnv().LIANXIN_TIME_ZONE });
  const path = `/projects/${projectId}/households/${household.id}`;
  const yesNo = (value: boolean) => (value ? t("households.detail.yes") : t("households.detail.no"));
  const flags = [
    household.isPartyMemberHousehold ? t("households.flags.party") : null,
    household.isHardship ? t("households.flags.hardship") : null,
    household.isElderlySickDisabled ? t("households.flags.elderly") : null,
    household.hasFamilyDispute ? t("households.flags.dispute") : null,
  ].filter((f): f is string => f !== null);

  const facts: { label: string; value: string; testId?: string }[] = [
    { label: t("households.detail.address"), value: household.address },
    { label: t("households.detail.lane"), value: household.lane ?? t("common.none") },
    { label: t("households.detail.building"), value: household.building },
    { label: t("households.detail.number"), value: household.number ?? t("common.none") },
    { label: t("households.detail.room"), value: household.room ?? t("common.none") },
    { label: t("households.detail.tenure"), value: t(`households.tenures.${household.tenure}`) },
    { label: t("households.detail.phone"), value: household.phone ?? t("common.none"), testId: "household-phone" },
    { label: t("households.detail.registeredPopulation"), value: t("households.detail.persons", { count: n.format(household.registeredPopulation) }) },
    { label: t("households.detail.residentCount"), value: t("households.detail.persons", { count: n.format(household.residentCount) }) },
    { label: t("households.detail.floorArea"), value: household.floorArea },
    { label: t("households.detail.livingArea"), value: household.livingArea ?? t("common.none") },
    { label: t("households.detail.ownerLocation"), value: t(`households.ownerLocations.${household.ownerLocation}`) },
    { label: t("households.detail.vote"), value: t(`household.votes.${household.firstRoundVote ?? "NONE"}`) },
    { label: t("households.detail.lastVisit"), value: household.lastVisitAt ? dateTime.format(household.lastVisitAt) : t("households.list.never") },
    { label: t("households.detail.flags"), value: flags.length ? flags.join(locale === "en" ? ", " : "、") : t("households.detail.noFlags"), testId: "household-flags" },
  ];

  return (
    <PageShell actor={actor} currentPath={path}>
      <ProjectNav actor={actor} projectId={projectId} current="households" />
      <Link href={`/projects/${projectId}/households`} className="text-brand-700 underline underline-offset-4">
        {t("households.detail.back")}
      </Link>
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
            {t("households.detail.group")}: <strong data-testid="household-group">{household.group?.name ?? t("households.detail.noGroup")}</strong>
          </span>
        </p>
        {household.isExcluded ? <p className="mt-1">{t("households.detail.excluded", { reason: household.exclusionReason ?? t("common.none") })}</p> : null}
      </div>

      {/* ── Signing panel (signing area): <HouseholdSigningPanel …/> from components/signing/household-signing-panel.tsx goes here. ── */}
      <HouseholdSigningPanel actor={actor} projectId={projectId} householdId={household.id} />

      <section aria-labelledby="facts-title" className="rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="facts-title" className="mb-3 text-lg font-semibold">
          {t("households.detail.facts")}
        </h2>
        <dl className="grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-2 lg:grid-cols-3">
          {facts.map((f) => (
            <div key={f.label}>
              <dt className="text-sm text-stone-600">{f.label}</dt>
              <dd data-testid={f.testId}>{f.value}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="signing-title" className="rounded-lg border border-stone-200 bg-white p-4" data-testid="household-signing">
        <h2 id="signing-title" className="mb-3 text-lg font-semibold">
          {t("households.detail.signing")}
        </h2>
        {household.signing ? (
          <dl className="grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-2">
            <div>
              <dt className="text-sm text-stone-600">{t("households.detail.agreementNumber")}</dt>
              <dd data-testid="agreement-number">{household.signing.agreementNumber}</dd>
            </div>
            <div>
              <dt className="text-sm text-stone-600">{t("households.detail.channel")}</dt>
              <dd>{t(`households.detail.channels.${household.signing.channel}`)}</dd>
            </div>
            <div>
              <dt className="text-sm text-stone-600">{t("households.detail.signedAt")}</dt>
              <dd>{dateTime.format(household.signing.signedAt)}</dd>
            </div>
            <div>
              <dt className="text-sm text-stone-600">{t("households.detail.agreementStatus")}</dt>
              <dd data-testid="agreement-status">{t(`households.detail.statuses.${household.signing.status}`)}</dd>
            </div>
          </dl>
        ) : (
          <p>{t("households.detail.notSigned")}</p>
        )}
        {household.movedOutAt || household.handedOverAt ? (
          <p className="mt-2 text-stone-700">
            {household.movedOutAt ? `${t("household.states.MOVED_OUT")}: ${date.format(household.movedOutAt)}` : null}
            {household.handedOverAt ? ` · ${t("household.states.HANDED_OVER")}: ${date.format(household.handedOverAt)}` : null}
          </p>
        ) : null}
      </section>

      <section aria-labelledby="members-title" className="rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="members-title" className="mb-3 text-lg font-semibold">
          {t("households.detail.members")}
        </h2>
        {household.members.length === 0 ? (
          <p>{t("households.detail.noMembers")}</p>
        ) : (
          <div className="overflow-x-auto" tabIndex={0} role="region" aria-labelledby="members-title">
            <table className="w-full min-w-[32rem] text-left" data-testid="household-members">
              <thead className="bg-stone-100 text-sm text-stone-700">
                <tr>
                  <th scope="col" className="px-3 py-2">{t("households.detail.memberName")}</th>
                  <th scope="col" className="px-3 py-2">{t("households.detail.relation")}</th>
                  <th scope="col" className="px-3 py-2">{t("households.detail.idNumber")}</th>
                  <th scope="col" className="px-3 py-2">{t("households.detail.partyMember")}</th>
                </tr>
              </thead>
              <tbody>
                {household.members.map((m) => (
                  <tr key={m.id} className="border-t border-stone-200">
                    <th scope="row" className="px-3 py-2 font-medium">{m.name}</th>
                    <td className="px-3 py-2">{m.relation}</td>
                    <td className="px-3 py-2 font-mono tabular-nums" data-testid="member-id-number">{m.idNumberMasked ?? t("common.none")}</td>
                    <td className="px-3 py-2">{yesNo(m.isPartyMember)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {canAssign ? (
        <AssignOneForm
          projectId={projectId}
          householdId={household.id}
          currentGroupId={household.group?.id ?? null}
          groups={groups.map((g) => ({ value: g.id, label: g.name }))}
          action={assignHouseholdAction}
          labels={{
            title: t("households.assignOne.title"),
            current: t("households.assignOne.current", { group: household.group?.name ?? t("households.detail.noGroup") }),
            group: t("households.bulk.group"),
            chooseGroup: t("households.bulk.chooseGroup"),
            submit: t("households.assignOne.submit"),
            pending: t("households.bulk.pending"),
          }}
        />
      ) : null}

      {canEdit ? (
        <HouseholdEditForm
          household={{
            id: household.id,
            projectId: household.projectId,
            version: household.version,
            lane: household.lane,
            building: household.building,
            number: household.number,
            room: household.room,
            address: household.address,
            headName: household.headName,
            phone: household.phone,
            registeredPopulation: household.registeredPopulation,
            residentCount: household.residentCount,
            floorArea: household.floorArea,
            livingArea: household.livingArea,
            tenure: household.tenure,
            ownerLocation: household.ownerLocation,
            isPartyMemberHousehold: household.isPartyMemberHousehold,
            isHardship: household.isHardship,
            isElderlySickDisabled: household.isElderlySickDisabled,
            hasFamilyDispute: household.hasFamilyDispute,
          }}
          action={updateHouseholdAction}
          reloadHref={path}
          tenures={TENURES.map((v) => ({ value: v, label: t(`households.tenures.${v}`) }))}
          ownerLocations={OWNERS.map((v) => ({ value: v, label: t(`households.ownerLocations.${v}`) }))}
          labels={{
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
          }}
        />
      ) : null}

      <HouseholdTimeline entries={household.timeline} t={t} locale={locale} format={formatters(locale, serverEnv().LIANXIN_TIME_ZONE)} />
    </PageShell>
  );
}
