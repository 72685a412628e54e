import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PageShell } from "@/components/layout/page-shell";
import { ProjectNav } from "@/components/projects/project-nav";
import { SigningDesk, type DeskLabels, type DeskLookup } from "@/components/signing/signing-desk";
import { SigningDeskForbidden, SigningDeskSummary } from "@/components/signing/signing-desk-summary";
import { requireActor } from "@/lib/auth/actor";
import { wallClockOf } from "@/lib/domain/calendar-day";
import { SIGNING_CHANNELS } from "@/lib/domain/options";
import { isAppError } from "@/lib/errors";
import { formatters, type Formatters } from "@/lib/i18n/format";
import { getLocale, getTranslator } from "@/lib/i18n/server";
import type { Translate } from "@/lib/i18n/translate";
import { orNotFound } from "@/lib/server/or-not-found";
import { getSigningDesk, type SigningDesk as Desk } from "@/lib/server/signing/get-signing-desk";
import { recordSigningAction } from "./actions";

type Props = { params: Promise<{ projectId: string }>; searchParams: Promise<{ code?: string | string[] }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("signing.desk.title") };
}

/** Those who may not record signings at all get the screen that says so (null); anything out of
 *  scope is not found. */
async function readDesk(work: Promise<Desk>): Promise<Desk | null> {
  return orNotFound(
    work.catch((error: unknown) => {
      if (isAppError(error) && error.code === "FORBIDDEN") return null;
      throw error;
    }),
  );
}

/** What the code found, in words: the household with why it cannot be signed now, or "not found". */
function deskLookup(desk: Desk, t: Translate, f: Formatters): DeskLookup {
  if (!desk.lookup) return null;
  if (!desk.lookup.found) return { found: false, notFoundText: t("signing.desk.notFound", { code: desk.lookup.code }) };
  const h = desk.lookup.household;
  const refusalText =
    h.signRefusal === null
      ? null
      : h.signRefusal === "ALREADY_SIGNED" && h.signing
        ? t("signing.desk.alreadySigned", { time: f.dateTime(h.signing.signedAt), number: h.signing.agreementNumber })
        : h.signRefusal === "EXCLUDED"
          ? t("signing.desk.excluded", { reason: h.exclusionReason ?? t("common.none") })
          : t(`signing.refusals.${h.signRefusal}`);
  return {
    found: true,
    household: {
      id: h.id,
      code: h.code,
      version: h.version,
      headName: h.headName,
      address: h.address,
      groupName: h.groupName ?? t("signing.desk.noGroup"),
      stateLabel: t(`household.states.${h.state}`),
      refusalText,
    },
  };
}

function deskLabels(t: Translate): DeskLabels {
  return {
    codeLabel: t("signing.desk.codeLabel"),
    codeHint: t("signing.desk.codeHint"),
    find: t("signing.desk.find"),
    finding: t("signing.desk.finding"),
    notFound: t("signing.desk.notFound"),
    household: t("signing.desk.household"),
    head: t("signing.desk.head"),
    address: t("signing.desk.address"),
    group: t("signing.desk.group"),
    state: t("signing.desk.state"),
    channel: t("signing.desk.channel"),
    agreementNumber: t("signing.desk.agreementNumber"),
    signedAt: t("signing.desk.signedAt"),
    signedAtField: t("signing.panel.signedAt"),
    confirm: t("signing.desk.confirm"),
    saving: t("signing.desk.saving"),
    next: t("signing.desk.next"),
    openHousehold: t("signing.desk.openHousehold"),
    recentTitle: t("signing.desk.recentTitle"),
    recentEmpty: t("signing.desk.recentEmpty"),
  };
}

export default async function SigningDeskPage({ params, searchParams }: Props) {
  const actor = await requireActor();
  if (actor.role === "RESIDENT") redirect("/my-household");
  const [{ projectId }, query] = await Promise.all([params, searchParams]);
  const code = (Array.isArray(query.code) ? query.code[0] : query.code)?.trim() ?? "";
  const [t, locale, desk] = await Promise.all([getTranslator(), getLocale(), readDesk(getSigningDesk(actor, { projectId, code }))]);
  const path = `/projects/${projectId}/signing`;
  if (!desk) {
    return (
      <PageShell actor={actor} currentPath={path}>
        <ProjectNav actor={actor} projectId={projectId} current="signing" />
        <SigningDeskForbidden t={t} />
      </PageShell>
    );
  }

  const f = formatters(locale, desk.timeZone);
  return (
    <PageShell actor={actor} currentPath={path}>
      <ProjectNav actor={actor} projectId={projectId} current="signing" />
      <SigningDeskSummary desk={desk} t={t} f={f} />
      <SigningDesk
        projectId={projectId}
        code={code}
        lookup={deskLookup(desk, t, f)}
        recent={desk.recent.map((r) => ({
          key: r.householdId,
          code: r.code,
          headName: r.headName,
          agreementNumber: r.agreementNumber,
          channelLabel: t(`signing.channels.${r.channel}`),
          time: f.time(r.signedAt),
        }))}
        channels={SIGNING_CHANNELS.map((c) => ({ value: c, label: t(`signing.channels.${c}`) }))}
        maxTime={wallClockOf(new Date(), desk.timeZone)}
        action={recordSigningAction}
        labels={deskLabels(t)}
      />
    </PageShell>
  );
}
