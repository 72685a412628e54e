// Every use case of reception booking (房屋征收接待) × every role (tests/support/authorization-world.ts),
// and the special group's leader: allowed, NOT_FOUND outside the actor's scope (a secretary: only
// their project; a resident: only their own household's bookings and their project's slots),
// FORBIDDEN for a role that may never do it (only secretaries define, change and cancel slots;
// only residents book). Writes undo themselves so each row meets the same world.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { addDays } from "@/lib/domain/progress";
import { bookReceptionSlot } from "@/lib/server/reception/book-reception-slot";
import { cancelBooking } from "@/lib/server/reception/cancel-booking";
import { cancelReceptionSlot } from "@/lib/server/reception/cancel-reception-slot";
import { changeSlotCapacity } from "@/lib/server/reception/change-slot-capacity";
import { createReceptionSlot } from "@/lib/server/reception/create-reception-slot";
import { createReceptionSlotSeries } from "@/lib/server/reception/create-reception-slot-series";
import { getOwnReception } from "@/lib/server/reception/get-own-reception";
import { listReceptionSlots } from "@/lib/server/reception/list-reception-slots";
import { moveBooking } from "@/lib/server/reception/move-booking";
import { receptionToday } from "@/lib/server/reception/reception-input";
import {
  createAuthorizationWorld,
  outcomeOf,
  ROLES,
  type AuthorizationWorld,
  type Outcome,
  type RoleName,
} from "../../support/authorization-world.ts";

let world: AuthorizationWorld;
let minutes = 0;

beforeAll(async () => {
  world = await createAuthorizationWorld();
  // The generated demo bookings of the two households would make "one active booking" refuse.
  await db().appointment.deleteMany({ where: { householdId: { in: [world.householdA1.id, world.householdA2.id] } } });
  await db().$executeRaw`UPDATE "ReceptionSlot" s SET "seatsTaken" =
    (SELECT count(*) FROM "Appointment" a WHERE a."slotId" = s.id AND a.status <> 'CANCELLED')`;
});

const A = () => world.projectA.project.id;
const B = () => world.projectB.project.id;

/** A slot of its own a month ahead (each one later than the last), made directly. */
async function freshSlot(projectId: string): Promise<string> {
  minutes += 60;
  const startsAt = new Date(Date.now() + 30 * 86_400_000 + minutes * 60_000);
  const slot = await db().receptionSlot.create({
    data: { projectId, room: "授权测试室", startsAt, endsAt: new Date(startsAt.getTime() + 30 * 60_000), capacity: 3 },
    select: { id: true },
  });
  return slot.id;
}

/** A booking of `householdId` in a fresh slot, made directly. */
async function freshBooking(householdId: string, projectId: string): Promise<{ appointmentId: string; slotId: string }> {
  const slotId = await freshSlot(projectId);
  await db().receptionSlot.update({ where: { id: slotId }, data: { seatsTaken: 1 } });
  const appointment = await db().appointment.create({ data: { slotId, householdId }, select: { id: true } });
  return { appointmentId: appointment.id, slotId };
}

/** Takes back whatever booking the world's households hold now. */
async function undoBookings() {
  await db().appointment.deleteMany({ where: { householdId: { in: [world.householdA1.id, world.householdA2.id, world.householdB.id] } } });
  await db().$executeRaw`UPDATE "ReceptionSlot" s SET "seatsTaken" = 0 WHERE room = '授权测试室'`;
}

async function undone<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } finally {
    await undoBookings();
  }
}

const seriesInput = (projectId: string) => {
  const from = addDays(receptionToday(new Date()), 200 + (minutes += 1));
  return {
    projectId,
    room: `授权系列${minutes}`,
    mode: "IN_PERSON",
    fromDay: from,
    toDay: from,
    weekdays: ["1", "2", "3", "4", "5", "6", "7"],
    dayStart: "09:00",
    dayEnd: "10:00",
    slotMinutes: "30",
    capacity: "2",
  };
};
const slotInput = (projectId: string) => ({
  projectId,
  room: `授权单个${(minutes += 1)}`,
  mode: "VIDEO",
  day: addDays(receptionToday(new Date()), 100),
  startTime: "09:00",
  endTime: "09:30",
  capacity: "2",
});

const useCases: Record<string, (actor: Actor) => Promise<unknown>> = {
  "create a slot in project A": (actor) => createReceptionSlot(actor, slotInput(A())),
  "create a slot in project B": (actor) => createReceptionSlot(actor, slotInput(B())),
  "create a series in project A": (actor) => createReceptionSlotSeries(actor, seriesInput(A())),
  "create a series in project B": (actor) => createReceptionSlotSeries(actor, seriesInput(B())),
  "change the capacity of a slot of project A": async (actor) =>
    changeSlotCapacity(actor, { projectId: A(), slotId: await freshSlot(A()), capacity: "5", version: "1" }),
  "change the capacity of a slot of project B": async (actor) =>
    changeSlotCapacity(actor, { projectId: B(), slotId: await freshSlot(B()), capacity: "5", version: "1" }),
  "cancel a slot of project A": async (actor) =>
    cancelReceptionSlot(actor, { projectId: A(), slotId: await freshSlot(A()), reason: "授权测试", version: "1" }),
  "cancel a slot of project B": async (actor) =>
    cancelReceptionSlot(actor, { projectId: B(), slotId: await freshSlot(B()), reason: "授权测试", version: "1" }),
  "list the slots of project A": (actor) => listReceptionSlots(actor, { projectId: A() }),
  "list the slots of project B": (actor) => listReceptionSlots(actor, { projectId: B() }),
  "own booking and open slots": (actor) => getOwnReception(actor),
  "book a slot of project A": async (actor) => undone(bookReceptionSlot(actor, { slotId: await freshSlot(A()) })),
  "book a slot of project B": async (actor) => undone(bookReceptionSlot(actor, { slotId: await freshSlot(B()) })),
  "move household A1's booking": async (actor) => {
    const booking = await freshBooking(world.householdA1.id, A());
    return undone(moveBooking(actor, { appointmentId: booking.appointmentId, slotId: await freshSlot(A()) }));
  },
  "move household A2's booking": async (actor) => {
    const booking = await freshBooking(world.householdA2.id, A());
    return undone(moveBooking(actor, { appointmentId: booking.appointmentId, slotId: await freshSlot(A()) }));
  },
  "cancel household A1's booking": async (actor) =>
    undone(cancelBooking(actor, { appointmentId: (await freshBooking(world.householdA1.id, A())).appointmentId })),
  "cancel household A2's booking": async (actor) =>
    undone(cancelBooking(actor, { appointmentId: (await freshBooking(world.householdA2.id, A())).appointmentId })),
  "cancel household B's booking": async (actor) =>
    undone(cancelBooking(actor, { appointmentId: (await freshBooking(world.householdB.id, B())).appointmentId })),
};

function row(...outcomes: Outcome[]): Record<RoleName, Outcome> {
  return Object.fromEntries(ROLES.map((role, i) => [role, outcomes[i]!])) as Record<RoleName, Outcome>;
}
const F = "FORBIDDEN";
const N = "NOT_FOUND";

// districtOfficial, secretaryA, secretaryB, leaderA1, memberA1, staffWithoutRole, residentA1 | special group's leader
const matrix: Record<string, [Record<RoleName, Outcome>, Outcome]> = {
  "create a slot in project A": [row(F, "ok", N, F, F, F, F), F],
  "create a slot in project B": [row(F, N, "ok", F, F, F, F), F],
  "create a series in project A": [row(F, "ok", N, F, F, F, F), F],
  "create a series in project B": [row(F, N, "ok", F, F, F, F), F],
  "change the capacity of a slot of project A": [row(F, "ok", N, F, F, F, F), F],
  "change the capacity of a slot of project B": [row(F, N, "ok", F, F, F, F), F],
  "cancel a slot of project A": [row(F, "ok", N, F, F, F, F), F],
  "cancel a slot of project B": [row(F, N, "ok", F, F, F, F), F],
  "list the slots of project A": [row("ok", "ok", N, F, F, F, N), F],
  "list the slots of project B": [row("ok", N, "ok", F, F, F, N), F],
  "own booking and open slots": [row(N, N, N, F, F, F, "ok"), F],
  "book a slot of project A": [row(F, F, F, F, F, F, "ok"), F],
  "book a slot of project B": [row(F, F, F, F, F, F, N), F],
  "move household A1's booking": [row(F, F, F, F, F, F, "ok"), F],
  "move household A2's booking": [row(F, F, F, F, F, F, N), F],
  "cancel household A1's booking": [row(F, F, F, F, F, F, "ok"), F],
  "cancel household A2's booking": [row(F, F, F, F, F, F, N), F],
  "cancel household B's booking": [row(F, F, F, F, F, F, N), F],
};

describe("authorisation matrix: reception", () => {
  for (const [useCase, [expectations, special]] of Object.entries(matrix)) {
    for (const [role, expected] of Object.entries(expectations)) {
      it(`${useCase} as ${role}: ${expected}`, async () => {
        expect(await outcomeOf(() => useCases[useCase]!(world.actors[role as RoleName]))).toBe(expected);
      });
    }
    it(`${useCase} as the special group's leader: ${special}`, async () => {
      expect(await outcomeOf(() => useCases[useCase]!(world.specialLeaderA))).toBe(special);
    });
  }

  it("a resident's open slots are those of their own project only", async () => {
    const a = await freshSlot(A());
    const b = await freshSlot(B());
    const ids = (await getOwnReception(world.actors.residentA1, new Date(Date.now() + 29 * 86_400_000))).days.flatMap((d) =>
      d.slots.map((s) => s.id),
    );
    expect(ids).toContain(a);
    expect(ids).not.toContain(b);
  });
});
