// Reception slots (接待时段) from three days before the anchor to six after, and the appointments
// households booked in them: attended or cancelled in the past, booked ahead by unsigned ones.

import type { Rng } from "../random.ts";
import type { PlanContext } from "./context.ts";
import { DAY } from "./helpers.ts";
import type { HouseholdState, Households } from "./households.ts";

const SLOT_STARTS = [9, 10, 11, 13.5, 14.5, 15.5];

export function planReceptionSlots(ctx: PlanContext, projectId: string, { eligible }: Households, isActive: boolean): void {
  const rSlot = ctx.root.fork("slots");
  if (!isActive || ctx.schedule.noticeStart > 0) return;
  const rooms = ctx.activity.receptionRooms ?? ["接待室一", "接待室二"];
  const unsigned = eligible.filter((h) => !h.signedAt);
  for (let day = -3; day <= 6; day++) {
    for (const room of rooms) {
      for (const start of SLOT_STARTS) {
        const slotId = planSlot(ctx, projectId, room, day, start);
        const pool = day < 0 ? eligible : unsigned;
        if (pool.length === 0 || !rSlot.chance(day < 0 ? 0.5 : 0.3)) continue;
        planAppointment(ctx, rSlot, slotId, day, start, rSlot.pick(pool));
      }
    }
  }
}

/** A one-hour slot; the 独立 (private) room takes one household at a time. */
function planSlot(ctx: PlanContext, projectId: string, room: string, day: number, start: number): string {
  const startsAt = ctx.cal.at(day, start);
  const slotId = ctx.id(startsAt.getTime() - 3 * DAY);
  const capacity = room.includes("独立") ? 1 : 2;
  ctx.plan.receptionSlots.push({ id: slotId, projectId, room, startsAt, endsAt: ctx.cal.at(day, start + 1), capacity });
  return slotId;
}

/** Booked one to three days ahead; absent owners meet by video. */
function planAppointment(ctx: PlanContext, rSlot: Rng, slotId: string, day: number, start: number, h: HouseholdState): void {
  const startsAt = ctx.cal.at(day, start);
  ctx.plan.appointments.push({
    id: ctx.id(startsAt.getTime() - rSlot.int(1, 3) * DAY),
    slotId,
    householdId: h.id,
    mode: h.ownerLocation === "LOCAL" ? "IN_PERSON" : "VIDEO",
    status: day < 0 ? (rSlot.chance(0.9) ? "ATTENDED" : "CANCELLED") : "BOOKED",
    createdAt: new Date(Math.min(ctx.cal.at(-1, 12).getTime(), startsAt.getTime() - rSlot.int(1, 3) * DAY)),
  });
}
