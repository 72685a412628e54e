import type { Formatters } from "@/lib/i18n/format";
import type { Locale, MessageKey, Translate } from "@/lib/i18n/translate";
import type { TimelineEntry } from "@/lib/server/households/get-household";

const FIELD_LABELS: Record<string, MessageKey> = {
  lane: "households.detail.lane",
  building: "households.detail.building",
  number: "households.detail.number",
  room: "households.detail.room",
  address: "households.detail.address",
  headName: "households.detail.headName",
  phone: "households.detail.phone",
  registeredPopulation: "households.detail.registeredPopulation",
  residentCount: "households.detail.residentCount",
  floorArea: "households.detail.floorArea",
  livingArea: "households.detail.livingArea",
  tenure: "households.detail.tenure",
  ownerLocation: "households.detail.ownerLocation",
  isPartyMemberHousehold: "households.flags.party",
  isHardship: "households.flags.hardship",
  isElderlySickDisabled: "households.flags.elderly",
  hasFamilyDispute: "households.flags.dispute",
};

function lookupLabel(key: string, t: Translate): string | null {
  const label = t(key as MessageKey);
  return label === key ? null : label;
}

function actionLabel(entry: Extract<TimelineEntry, { kind: "audit" }>, t: Translate): string {
  const { action, entity } = entry;
  return (
    lookupLabel(`households.timeline.actions.${action}`, t) ??
    lookupLabel(`visits.timeline.actions.${action}`, t) ??
    // A task or demand event this catalog does not know yet: say what it was recorded on.
    (entity === "task" ? t("visits.timeline.taskEvent") : entity === "demand" ? t("visits.timeline.demandEvent") : action)
  );
}

function text(value: unknown): string | null {
  return typeof value === "string" && value ? value : null;
}

/** What a task's or a demand's event recorded, one line each. */
function fieldWorkLines(entry: Extract<TimelineEntry, { kind: "audit" }>, t: Translate, format: Formatters): string[] {
  const after = entry.after ?? {};
  const before = entry.before ?? {};
  const value = (key: string) => text(after[key]) ?? text(before[key]);
  const nameOf = (id: string | null) => (id ? (entry.names[id] ?? null) : null);
  const lines: string[] = [];
  if (entry.entity === "task") {
    const kind = value("kind");
    const due = value("dueDate");
    if (kind && due && /^\d{4}-\d{2}-\d{2}$/.test(due))
      lines.push(t("visits.timeline.task", { kind: lookupLabel(`visits.taskKinds.${kind}`, t) ?? kind, date: format.day(due) }));
    else if (kind) lines.push(lookupLabel(`visits.taskKinds.${kind}`, t) ?? kind);
    const from = nameOf(text(before.assigneeId) ?? text(after.fromUserId));
    const to = nameOf(text(after.toUserId) ?? (text(before.assigneeId) ? text(after.assigneeId) : null));
    if (from && to && from !== to) lines.push(t("visits.timeline.reassigned", { from, to }));
    else {
      const assignee = nameOf(text(after.assigneeId));
      if (assignee) lines.push(t("visits.timeline.assignee", { name: assignee }));
    }
  }
  if (entry.entity === "demand") {
    const category = value("category");
    if (category) lines.push(t("visits.timeline.demand", { category: lookupLabel(`visits.demandCategories.${category}`, t) ?? category }));
    const group = text(after.groupName) ?? nameOf(text(after.routedGroupId));
    if (group) lines.push(t("visits.timeline.group", { group }));
    const resolution = text(after.resolution);
    if (resolution) lines.push(t("visits.timeline.resolution", { text: resolution }));
  }
  const status = text(after.status);
  if (status && entry.action !== "raise:demand" && entry.action !== "create:task") {
    const key = entry.entity === "task" ? `visits.taskStatuses.${status}` : `visits.demandStatuses.${status}`;
    lines.push(t("visits.timeline.status", { status: lookupLabel(key, t) ?? status }));
  }
  const reason = text(after.reason) ?? text(after.cancelReason);
  if (reason) lines.push(t("households.timeline.reason", { reason }));
  return lines;
}

const isVote = (value: unknown): value is "AGREE" | "DISAGREE" => value === "AGREE" || value === "DISAGREE";

function instant(value: unknown): Date | null {
  if (typeof value !== "string") return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** What a signing recorded (or, undone, had recorded): its channel, agreement number and time. */
function signingLines(values: Record<string, unknown>, t: Translate, format: Formatters): string[] {
  const lines: string[] = [];
  const channel = text(values.channel);
  const number = text(values.agreementNumber);
  if (channel && number) {
    const label = lookupLabel(`households.detail.channels.${channel}`, t) ?? channel;
    lines.push(t("households.timeline.signing", { channel: label, number }));
  }
  const signedAt = instant(values.signedAt);
  if (signedAt) lines.push(t("households.timeline.signedAt", { time: format.dateTime(signedAt) }));
  return lines;
}

/** What a household event recorded, one line each: the vote and its round, the signing's
 *  channel and agreement number, the move-out and hand-over dates, what an undo took back. */
export function householdLines(
  entry: Extract<TimelineEntry, { kind: "audit" }>,
  t: Translate,
  locale: Locale,
  format: Formatters,
): string[] {
  const after = entry.after ?? {};
  const before = entry.before ?? {};
  const separator = locale === "en" ? ", " : "、";
  const vote = (value: "AGREE" | "DISAGREE") => t(`household.votes.${value}`);
  const lines: string[] = [];
  switch (entry.action) {
    case "update:household": {
      const fields = Object.keys(after).map((f) => (FIELD_LABELS[f] ? t(FIELD_LABELS[f]) : f));
      if (fields.length) lines.push(t("households.timeline.changed", { fields: fields.join(separator) }));
      break;
    }
    case "assign:household":
      lines.push(
        t("households.timeline.moved", {
          from: typeof before.signingGroupName === "string" ? before.signingGroupName : t("households.detail.noGroup"),
          to: typeof after.signingGroupName === "string" ? after.signingGroupName : t("households.detail.noGroup"),
        }),
      );
      break;
    case "import:household":
      if (after.outcome === "created" || after.outcome === "updated")
        lines.push(t("households.timeline.imported", { outcome: t(`households.timeline.importOutcomes.${after.outcome}`) }));
      break;
    case "record:vote":
      if (isVote(after.firstRoundVote)) {
        lines.push(
          isVote(before.firstRoundVote) && before.firstRoundVote !== after.firstRoundVote
            ? t("households.timeline.voteChanged", { vote: vote(after.firstRoundVote), before: vote(before.firstRoundVote) })
            : t("households.timeline.vote", { vote: vote(after.firstRoundVote) }),
        );
      }
      break;
    case "undo:vote":
      if (isVote(before.firstRoundVote)) lines.push(t("households.timeline.undoneVote", { vote: vote(before.firstRoundVote) }));
      break;
    case "record:signing":
      lines.push(...signingLines(after, t, format));
      break;
    case "undo:signing":
      lines.push(...signingLines(before, t, format));
      break;
    case "record:move-out":
    case "undo:move-out": {
      const at = instant(entry.action === "record:move-out" ? after.movedOutAt : before.movedOutAt);
      if (at) lines.push(t("households.timeline.movedOut", { date: format.date(at) }));
      break;
    }
    case "record:hand-over":
    case "undo:hand-over": {
      const at = instant(entry.action === "record:hand-over" ? after.handedOverAt : before.handedOverAt);
      if (at) lines.push(t("households.timeline.handedOver", { date: format.date(at) }));
      break;
    }
  }
  const reason = text(after.reason);
  if (reason && entry.action !== "update:household") lines.push(t("households.timeline.reason", { reason }));
  return lines;
}

/** One list of everything that happened to the household, newest first, each with who and when
 *  (`format` in the deployment's time zone, from the page). */
export function HouseholdTimeline({
  entries,
  t,
  locale,
  format,
}: {
  entries: TimelineEntry[];
  t: Translate;
  locale: Locale;
  format: Formatters;
}) {
  return (
    <section aria-labelledby="timeline-title" className="rounded-lg border border-stone-200 bg-white p-4">
      <h2 id="timeline-title" className="text-lg font-semibold">
        {t("households.timeline.title")}
      </h2>
      <p className="mb-3 text-stone-700">{t("households.timeline.description")}</p>
      {entries.length === 0 ? (
        <p data-testid="timeline-empty">{t("households.timeline.empty")}</p>
      ) : (
        <ol className="flex flex-col gap-3" data-testid="household-timeline">
          {entries.map((entry) => {
            const who = entry.actorName ?? t("households.timeline.system");
            return (
              <li
                key={entry.id}
                className="border-l-4 border-stone-300 pl-3"
                data-testid={`timeline-${entry.kind}`}
                data-action={entry.kind === "audit" ? entry.action : undefined}
              >
                <p className="font-medium">
                  {entry.kind === "audit"
                    ? actionLabel(entry, t)
                    : t("households.timeline.visit", { channel: t(`households.timeline.visitChannels.${entry.channel}`) })}
                </p>
                <p className="text-sm text-stone-700">
                  <time dateTime={entry.at.toISOString()}>{format.dateTime(entry.at)}</time> · {who}
                </p>
                {entry.kind === "audit" ? (
                  (entry.entity === "task" || entry.entity === "demand"
                    ? fieldWorkLines(entry, t, format)
                    : householdLines(entry, t, locale, format)
                  ).map((line) => (
                    <p key={line} data-testid="timeline-detail">
                      {line}
                    </p>
                  ))
                ) : (
                  <>
                    <p>{entry.summary}</p>
                    {entry.attitude ? (
                      <p className="text-sm">
                        {t("households.timeline.attitude", { attitude: t(`households.timeline.attitudes.${entry.attitude}`) })}
                      </p>
                    ) : null}
                    {entry.nextStep ? <p className="text-sm">{t("households.timeline.nextStep", { text: entry.nextStep })}</p> : null}
                    {entry.participantNames.length ? (
                      <p className="text-sm">
                        {t("visits.timeline.participants", { names: entry.participantNames.join(locale === "en" ? ", " : "、") })}
                      </p>
                    ) : null}
                    {entry.taskKind ? (
                      <p className="text-sm">{t("visits.timeline.closedTask", { kind: t(`visits.taskKinds.${entry.taskKind}`) })}</p>
                    ) : null}
                  </>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
