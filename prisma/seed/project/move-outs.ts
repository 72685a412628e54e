// Move-outs (搬迁) and hand-overs (交房): only once the agreements are effective.

import type { PlanContext } from "./context.ts";
import { HOUR } from "./helpers.ts";
import type { SigningOutcome } from "./signings.ts";

export type MoveOuts = { movedOut: number; handedOver: number };

export function planMoveOuts(ctx: PlanContext, { planned, effectiveAt }: SigningOutcome): MoveOuts {
  const { cal } = ctx;
  const rMove = ctx.root.fork("moves");
  let movedOut = 0;
  let handedOver = 0;
  if (!effectiveAt) return { movedOut, handedOver };
  const effectiveDay = cal.offsetOf(effectiveAt);
  const windowEnd = Math.min(-1, effectiveDay + ctx.relocationDays);
  const share = ctx.options.movedOutShare ?? 0;
  const movers = rMove.shuffle(planned.slice()).slice(0, Math.round(share * planned.length));
  for (const s of movers) {
    const earliest = Math.max(s.day, effectiveDay) + 1;
    if (earliest > -1) continue;
    const day = earliest <= windowEnd ? rMove.int(earliest, windowEnd) : Math.min(-1, earliest + rMove.int(0, 5));
    const row = ctx.plan.households[s.h.index]!;
    row.movedOutAt = cal.at(day, 8 + rMove.next() * 9);
    row.updatedAt = row.movedOutAt;
    movedOut++;
    const handDay = Math.min(-1, day + rMove.int(0, 3));
    row.handedOverAt = new Date(Math.max(row.movedOutAt.getTime() + HOUR, cal.at(handDay, 9 + rMove.next() * 8).getTime()));
    row.updatedAt = row.handedOverAt;
    handedOver++;
  }
  return { movedOut, handedOver };
}
