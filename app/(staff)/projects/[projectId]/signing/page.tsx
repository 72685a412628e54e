import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { PageShell } from "@/components/layout/page-shell";
import { ProjectNav } from "@/components/projects/project-nav";
import { SigningDesk, type DeskLookup } from "@/components/signing/signing-desk";
import { Alert } from "@/components/ui/alert";
import { requireActor } from "@/lib/auth/actor";
import { wallClockOf } from "@/lib/domain/calendar-day";
import { isAppError } from "@/lib/errors";
import { getLocale, getTranslator } from "@/lib/i18n/server";
import { getSigningDesk, type SigningDesk as Desk } from "@/lib/server/signing/get-signing-desk";
import { recordSigningAction } from "./actions";

type Props = { params: Promise<{ projectId: string }>; searchParams: Promise<{ code?: string | string[] }> };

const CHANNELS = ["ON_SITE", "HOME_VISIT", "REMOTE_VIDEO", "NOTARIZED_PROXY"] as const;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("signing.desk.title") };
}

/** "FORBIDDEN" for those who may not record signings at all; not found for anything out of scope. */
async function loadDesk(actor: Awaited<ReturnType<typeof requireActor>>, projectId: string, code: string): Promise<Desk | "FORBIDDEN"> {
  try {
    return await getSigningDesk(actor, { projectId, code });
  } catch (error) {
    if (isAppError(error) && error.code === "FORBIDDEN") return "FORBIDDEN";
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "VALIDATION")) notFound();
    throw error;
  }
}

export default async function SigningDeskPage({ params, searchParams }: Props) {
  const actor = await requireActor();
  if (actor.role === "RESIDENT") redirect("/my-household");
  const [{ projectId }, query] = await Promise.all([params, searchParams]);
  const code = (Array.isArray(query.code) ? query.code[0] : query.code)?.trim() ?? "";
  const [t, locale, desk] = await Promise.all([getTranslator(), getLocale(), loadDesk(actor, projectId, code)]);
  const path = `/projects/${projectId}/signing`;

  if (desk === "FORBIDDEN") {
    return (
      <PageShell actor={actor} currentPath={path}>
        <ProjectNav actor={actor} projectId={projectId} current="signing" />
        <h1 className="text-2xl font-bold">{t("signing.desk.title")}</h1>
        <Alert tone="info" testId="desk-forbidden">
          {t("signing.desk.forbidden")}
        </Alert>
      </PageShell>
    );
  }

  const n = new Intl.NumberFormat(locale);
  const time = new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", timeZone: desk.timeZone });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: desk.timeZone });
  const f = desk.figures;
  const status = desk.project.signingFailedAt
    ? t("signing.desk.failed")
    : desk.project.agreementsEffectiveAt
      ? t("signing.desk.effective")
      : t("signing.desk.gap", { count: n.format(f.gapToThreshold) });

  let lookup: DeskLookup = null;
  if (desk.lookup && !desk.lookup.found) {
    lookup = { found: false, notFoundText: t("signing.desk.notFound", { code: desk.lookup.code }) };
  } else if (desk.lookup?.found) {
    const h = desk.lookup.household;
    const refusalText =
      h.signRefusal === null
        ? null
        : h.signRefusal === "ALREADY_SIGNED" && h.signing
          ? t("signing.desk.alreadySigned", { time: dateTime.format(h.signing.signedAt), number: h.signing.agreementNumber })
          : h.signRefusal === "EXCLUDED"
            ? t("signing.desk.excluded", { reason: h.exclusionReason ?? t("common.none") })
            : t(`signing.refusals.${h.signRefusal}`);
    lookup = {
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

  return (
    <PageShell actor={actor} currentPath={path}>
      <ProjectNav actor={actor} projectId={projectId} current="signing" />
      <div>
        <h1 className="text-2xl font-bold">{t("signing.desk.title")}</h1>
        <p className="text-stone-700">
          {desk.project.name} · {desk.project.code}
        </p>
        <p className="mt-1 font-medium" data-testid="desk-progress">
          {t("signing.desk.progress", {
            signed: n.format(f.signed),
            eligible: n.format(f.eligible),
            rate: f.signingRate === null ? t("common.none") : t("common.percent", { value: f.signingRate }),
          })}{" "}
          · <span data-testid="desk-status">{status}</span>
        </p>
        <p className="mt-2 text-stone-700">{t("signing.desk.description")}</p>
      </div>
      {desk.closedBecause ? (
        <Alert tone="info" testId="desk-closed">
          {t("signing.desk.closed", { reason: t(`signing.refusals.${desk.closedBecause}`) })}
        </Alert>
      ) : null}
      <SigningDesk
        projectId={projectId}
        code={code}
        lookup={lookup}
        recent={desk.recent.map((r) => ({
          key: r.householdId,
          code: r.code,
          headName: r.headName,
          agreementNumber: r.agreementNumber,
          channelLabel: t(`signing.channels.${r.channel}`),
          time: time.format(r.signedAt),
        }))}
        channels={CHANNELS.map((c) => ({ value: c, label: t(`signing.channels.${c}`) }))}
        maxTime={wallClockOf(new Date(), desk.timeZone)}
        action={recordSigningAction}
        labels={{
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
        }}
      />
    </PageShell>
  );
}
