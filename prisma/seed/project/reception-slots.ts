// Reception slots (接待时段) from three days before the anchor to six after, and the appointments
// households booked in them: attended or cancelled in the past, booked ahead by unsigned ones —
// at most one booking ahead per household, as the booking use case allows. A room named 视频
// receives by video, and absent owners book it; the others are in person. Each resident login's
// household has a booking the day after the anchor (so the demo resident has one to move or
// cancel). Each slot's seat count is the number of its bookings not cancelled.

import type { Rng } from "../random.ts";
import type { PlanContext } from "./context.ts";
import { DAY } from "./helpers.ts";
import type { HouseholdState, Households } from "./households.ts";

const SLOT_STARTS = [9, 10, 11, 13.5, 14.5, 15.5];

type PlannedSlot = PlanContext["plan"]["receptionSlots"][number];

export function planReceptionSlots(ctx: PlanContext, projectId: string, { eligible, byCode }: Households, isActive: boolean): void {
  const rSlot = ctx.root.fork("slots");
  if (!isActive || ctx.schedule.noticeStart > 0) return;
  const rooms = ctx.activity.receptionRooms ?? ["接待室一", "接待室二", "视频接待"];
  const residents = new Set((ctx.options.accounts?.residents ?? []).map((r) => byCode.get(r.householdCode)!.id));
  // Households with a booking ahead: one each.
  const bookedAhead = new Set<string>();
  for (let day = -3; day <= 6; day++) {
    for (const room of rooms) {
      const isVideo = room.includes("视频");
      for (const start of SLOT_STARTS) {
        const slot = planSlot(ctx, projectId, room, isVideo, day, start);
        if (day === 1 && start === 10 && room === rooms[0] && residents.size > 0) {
          for (const id of [...residents].slice(0, slot.capacity)) {
            planAppointment(ctx, rSlot, slot, day, start, id, "BOOKED");
            bookedAhead.add(id);
          }
          continue;
        }
        const pool = (day < 0 ? eligible : eligible.filter((h) => !h.signedAt && !bookedAhead.has(h.id))).filter(
          (h) => !residents.has(h.id) && (h.ownerLocation === "LOCAL") !== isVideo,
        );
        if (pool.length === 0 || !rSlot.chance(day < 0 ? 0.5 : 0.3)) continue;
        const h: HouseholdState = rSlot.pick(pool);
        const status = day < 0 ? (rSlot.chance(0.9) ? "ATTENDED" : "CANCELLED") : "BOOKED";
        if (status === "BOOKED") bookedAhead.add(h.id);
        planAppointment(ctx, rSlot, slot, day, start, h.id, status);
      }
    }
  }
}

/** A one-hour slot; the 独立 (private) room takes one household at a time. */
function planSlot(ctx: PlanContext, projectId: string, room: string, isVideo: boolean, day: number, start: number): PlannedSlot {
  const startsAt = ctx.cal.at(day, start);
  const slotId = ctx.id(startsAt.getTime() - 3 * DAY);
  const capacity = room.includes("独立") ? 1 : 2;
  const slot: PlannedSlot = {
    id: slotId,
    projectId,
    room,
    mode: isVideo ? "VIDEO" : "IN_PERSON",
    startsAt,
    endsAt: ctx.cal.at(day, start + 1),
    capacity,
    seatsTaken: 0,
    createdAt: new Date(startsAt.getTime() - 7 * DAY),
  };
  ctx.plan.receptionSlots.push(slot);
  return slot;
}

/** Booked one to three days ahead. */
function planAppointment(
  ctx: PlanContext,
  rSlot: Rng,
  slot: PlannedSlot,
  day: number,
  start: number,
  householdId: string,
  status: "ATTENDED" | "CANCELLED" | "BOOKED",
): void {
  const startsAt = ctx.cal.at(day, start);
  const createdAt = new Date(Math.min(ctx.cal.at(-1, 12).getTime(), startsAt.getTime() - rSlot.int(1, 3) * DAY));
  ctx.plan.appointments.push({
    id: ctx.id(createdAt.getTime()),
    slotId: slot.id,
    householdId,
    status,
    createdAt,
    cancelledAt: status === "CANCELLED" ? new Date(createdAt.getTime() + DAY / 2) : null,
  });
  if (status !== "CANCELLED") slot.seatsTaken = (slot.seatsTaken ?? 0) + 1;
}
