import type { DemandColour } from "@/lib/domain/field-work";
import type { Translate } from "@/lib/i18n/translate";

// The demand clock as a badge: the colour in words too (never colour alone), then the time left,
// how far past the target, or how long it took once resolved.

const HOUR_MS = 3_600_000;

const TONES: Record<DemandColour, string> = {
  green: "border-emerald-700 bg-emerald-50 text-emerald-900",
  amber: "border-amber-600 bg-amber-50 text-amber-900",
  red: "border-red-700 bg-red-50 text-red-900",
};

function duration(ms: number, t: Translate): string {
  const hours = Math.floor(Math.abs(ms) / HOUR_MS);
  const days = Math.floor(hours / 24);
  return days > 0 ? t("demands.clock.days", { days, hours: hours % 24 }) : t("demands.clock.hours", { hours });
}

export function demandClockText(
  item: { colour: DemandColour; remainingMs: number; targetMs: number; resolvedAt: Date | null },
  t: Translate,
): string {
  if (item.resolvedAt) return t("demands.clock.resolvedIn", { time: duration(item.targetMs - item.remainingMs, t) });
  return item.remainingMs < 0
    ? t("demands.clock.over", { time: duration(item.remainingMs, t) })
    : t("demands.clock.left", { time: duration(item.remainingMs, t) });
}

export function DemandClockBadge({
  item,
  t,
}: {
  item: { colour: DemandColour; remainingMs: number; targetMs: number; resolvedAt: Date | null };
  t: Translate;
}) {
  return (
    <span
      className={`inline-flex items-center gap-2 rounded-md border px-2 py-1 text-sm font-medium ${TONES[item.colour]}`}
      data-testid="demand-clock"
      data-colour={item.colour}
    >
      <span>{t(`demands.colours.${item.colour}`)}</span>
      <span aria-hidden="true">·</span>
      <span>{demandClockText(item, t)}</span>
    </span>
  );
}
