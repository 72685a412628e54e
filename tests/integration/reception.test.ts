// Reception booking (房屋征收接待) against the real database: staff define slots (one, or a series),
// change the capacity (never below the seats taken) and cancel a slot (its bookings cancelled with
// the reason, each audited); a resident books, moves and cancels — one active booking per
// household, never a past or cancelled slot, never another household's booking. Nobody can
// overbook: 50 residents racing for the last 10 seats get exactly 10.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { createPrismaClient, db } from "@/lib/db";
import { addDays } from "@/lib/domain/progress";
import { AppError } from "@/lib/errors";
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
import { seedProject, seedUser, type SeededProject } from "@/prisma/seed/factories";
import { actorOf } from "./signing-helpers.ts";

const POOL = 20;
let project: SeededProject;
let other: SeededProject;
let secretary: Actor;
let residents: Actor[];
let otherResident: Actor;
let dayCounter = 1;

beforeAll(async () => {
  // Concurrent bookings each hold a connection: a pool big enough for them (disconnected after the file).
  const cache = globalThis as unknown as { lianxinPrisma?: ReturnType<typeof createPrismaClient> };
  cache.lianxinPrisma = createPrismaClient(process.env.DATABASE_URL!, POOL);
  const noSlots = { visitsPerHousehold: 0, receptionRooms: [] };
  project = await seedProject(db(), { households: 70, signingGroups: 1, activity: noSlots });
  other = await seedProject(db(), { households: 3, signingGroups: 1, activity: noSlots });
  secretary = await actorOf(project.secretaryId);
  const households = await db().household.findMany({
    where: { projectId: project.project.id },
    orderBy: { code: "asc" },
    select: { id: true },
  });
  residents = [];
  for (const h of households.slice(0, 64))
    residents.push(await actorOf((await seedUser(db(), { role: "RESIDENT", householdId: h.id })).id));
  const otherHousehold = await db().household.findFirstOrThrow({ where: { projectId: other.project.id }, select: { id: true } });
  otherResident = await actorOf((await seedUser(db(), { role: "RESIDENT", householdId: otherHousehold.id })).id);
}, 120_000);

const P = () => project.project.id;
/** A fresh future day for each test, so the slots of one test never overlap another's. */
function nextDay(): string {
  dayCounter += 1;
  return addDays(receptionToday(new Date()), dayCounter);
}

async function slot(options: { capacity?: number; room?: string; day?: string; start?: string; end?: string; mode?: string } = {}) {
  const { slotIds } = await createReceptionSlot(secretary, {
    projectId: P(),
    room: options.room ?? "接待室一",
    mode: options.mode ?? "IN_PERSON",
    day: options.day ?? nextDay(),
    startTime: options.start ?? "09:00",
    endTime: options.end ?? "09:30",
    capacity: String(options.capacity ?? 2),
  });
  return slotIds[0]!;
}

async function refusalOf(work: Promise<unknown>): Promise<{ code: string; fieldErrors?: Record<string, string[]> }> {
  try {
    await work;
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, fieldErrors: error.fieldErrors };
    throw error;
  }
  throw new Error("expected a refusal");
}

async function seatsOf(slotId: string) {
  const row = await db().receptionSlot.findUniqueOrThrow({ where: { id: slotId }, select: { seatsTaken: true, capacity: true } });
  const booked = await db().appointment.count({ where: { slotId, status: "BOOKED" } });
  return { ...row, booked };
}

async function freeResidents(count: number): Promise<Actor[]> {
  const free: Actor[] = [];
  for (const r of residents) {
    if (free.length === count) break;
    const active = await db().appointment.count({
      where: { householdId: r.householdId!, status: "BOOKED", slot: { endsAt: { gt: new Date() } } },
    });
    if (active === 0) free.push(r);
  }
  if (free.length < count) throw new Error("not enough residents without a booking");
  return free;
}

describe("staff define slots", () => {
  it("creates one slot in the deployment's time zone, audited", async () => {
    const day = nextDay();
    const id = await slot({ day, start: "14:00", end: "14:30", capacity: 3, mode: "VIDEO", room: "视频接待" });
    const row = await db().receptionSlot.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ room: "视频接待", mode: "VIDEO", capacity: 3, seatsTaken: 0, status: "OPEN" });
    // Asia/Shanghai is UTC+8: 14:00 there is 06:00 UTC.
    expect(row.startsAt.toISOString()).toBe(`${day}T06:00:00.000Z`);
    expect(await db().auditEvent.count({ where: { entityId: id, action: "create:reception-slot" } })).toBe(1);
  });

  it("refuses bad input with a reason per field and makes nothing", async () => {
    const before = await db().receptionSlot.count();
    const base = {
      projectId: P(),
      room: "接待室一",
      mode: "IN_PERSON",
      day: nextDay(),
      startTime: "10:00",
      endTime: "10:30",
      capacity: "2",
    };
    expect((await refusalOf(createReceptionSlot(secretary, { ...base, room: " " }))).fieldErrors).toEqual({
      room: ["validation.required"],
    });
    expect((await refusalOf(createReceptionSlot(secretary, { ...base, capacity: "0" }))).fieldErrors).toEqual({
      capacity: ["reception.errors.capacity"],
    });
    expect((await refusalOf(createReceptionSlot(secretary, { ...base, endTime: "09:30" }))).fieldErrors).toEqual({
      endTime: ["reception.errors.endBeforeStart"],
    });
    expect(
      (await refusalOf(createReceptionSlot(secretary, { ...base, day: addDays(receptionToday(new Date()), -1) }))).fieldErrors,
    ).toEqual({
      startTime: ["reception.errors.startInPast"],
    });
    expect((await refusalOf(createReceptionSlot(secretary, { ...base, mode: "PHONE" }))).fieldErrors).toEqual({
      mode: ["reception.errors.chooseMode"],
    });
    expect(await db().receptionSlot.count()).toBe(before);
  });

  it("refuses a slot overlapping another open slot of the same room, not of another room", async () => {
    const day = nextDay();
    await slot({ day, start: "09:00", end: "10:00" });
    const overlap = await refusalOf(slot({ day, start: "09:30", end: "10:30" }));
    expect(overlap).toEqual({ code: "VALIDATION", fieldErrors: { startTime: ["reception.errors.overlap"] } });
    await slot({ day, start: "09:30", end: "10:30", room: "接待室二" });
    // Back to back is not an overlap.
    await slot({ day, start: "10:00", end: "10:30" });
  });

  it("creates a series: weekdays 9:00–11:30 in 30-minute slots over two weeks", async () => {
    const from = addDays(receptionToday(new Date()), 40);
    const to = addDays(from, 13);
    const { slotIds } = await createReceptionSlotSeries(secretary, {
      projectId: P(),
      room: "系列接待室",
      mode: "IN_PERSON",
      fromDay: from,
      toDay: to,
      weekdays: ["1", "2", "3", "4", "5"],
      dayStart: "09:00",
      dayEnd: "11:30",
      slotMinutes: "30",
      capacity: "4",
    });
    // Two full weeks hold 10 weekdays, each with 5 slots.
    expect(slotIds).toHaveLength(50);
    expect(await db().auditEvent.count({ where: { entityId: { in: slotIds }, action: "create:reception-slot" } })).toBe(50);
  });

  it("refuses a series that is too big, empty, in the past or overlapping, all or nothing", async () => {
    const from = addDays(receptionToday(new Date()), 60);
    const base = {
      projectId: P(),
      room: "系列接待室二",
      mode: "IN_PERSON",
      fromDay: from,
      toDay: addDays(from, 6),
      weekdays: ["1", "2", "3", "4", "5", "6", "7"],
      dayStart: "08:00",
      dayEnd: "18:00",
      slotMinutes: "10",
      capacity: "1",
    };
    const before = await db().receptionSlot.count();
    expect((await refusalOf(createReceptionSlotSeries(secretary, base))).fieldErrors).toEqual({
      _form: ["reception.errors.seriesTooMany"],
    });
    expect((await refusalOf(createReceptionSlotSeries(secretary, { ...base, dayEnd: "08:05" }))).fieldErrors).toEqual({
      _form: ["reception.errors.seriesEmpty"],
    });
    expect((await refusalOf(createReceptionSlotSeries(secretary, { ...base, weekdays: [] }))).fieldErrors).toEqual({
      weekdays: ["reception.errors.chooseWeekdays"],
    });
    expect(
      (await refusalOf(createReceptionSlotSeries(secretary, { ...base, toDay: addDays(from, 100), slotMinutes: "240" }))).fieldErrors,
    ).toEqual({
      toDay: ["reception.errors.seriesTooLong"],
    });
    expect(
      (
        await refusalOf(
          createReceptionSlotSeries(secretary, { ...base, fromDay: addDays(receptionToday(new Date()), -2), slotMinutes: "240" }),
        )
      ).fieldErrors,
    ).toEqual({ fromDay: ["reception.errors.startInPast"] });
    expect(await db().receptionSlot.count()).toBe(before);
    // One slot already there on the third day: the whole series is refused.
    await slot({ room: base.room, day: addDays(from, 2), start: "09:00", end: "09:30" });
    const overlapping = await refusalOf(createReceptionSlotSeries(secretary, { ...base, slotMinutes: "240" }));
    expect(overlapping.fieldErrors).toEqual({ _form: ["reception.errors.overlap"] });
    expect(await db().receptionSlot.count()).toBe(before + 1);
  });
});

describe("capacity and cancelling a slot", () => {
  it("changes the capacity, never below the seats taken, and refuses a stale version", async () => {
    const id = await slot({ capacity: 3 });
    const [a, b] = await freeResidents(2);
    await bookReceptionSlot(a!, { slotId: id });
    await bookReceptionSlot(b!, { slotId: id });
    const below = await refusalOf(changeSlotCapacity(secretary, { projectId: P(), slotId: id, capacity: "1", version: "1" }));
    expect(below).toEqual({ code: "VALIDATION", fieldErrors: { capacity: ["reception.errors.capacityBelowTaken"] } });
    expect(await changeSlotCapacity(secretary, { projectId: P(), slotId: id, capacity: "2", version: "1" })).toEqual({
      capacity: 2,
      seatsTaken: 2,
    });
    const stale = await refusalOf(changeSlotCapacity(secretary, { projectId: P(), slotId: id, capacity: "5", version: "1" }));
    expect(stale).toEqual({ code: "CONFLICT", fieldErrors: { _form: ["reception.errors.changedMeanwhile"] } });
    expect(await seatsOf(id)).toEqual({ seatsTaken: 2, capacity: 2, booked: 2 });
    expect(await db().auditEvent.count({ where: { entityId: id, action: "update:reception-slot" } })).toBe(1);
    // The slot is full now.
    const [c] = await freeResidents(1);
    expect((await refusalOf(bookReceptionSlot(c!, { slotId: id }))).fieldErrors).toEqual({ _form: ["reception.errors.full"] });
  });

  it("cancels a slot with a reason: its bookings are cancelled with it, each audited", async () => {
    const id = await slot({ capacity: 3 });
    const [a, b, c] = await freeResidents(3);
    const first = await bookReceptionSlot(a!, { slotId: id });
    const second = await bookReceptionSlot(b!, { slotId: id });
    expect(
      (await refusalOf(cancelReceptionSlot(secretary, { projectId: P(), slotId: id, reason: "  ", version: "1" }))).fieldErrors,
    ).toEqual({
      reason: ["reception.errors.reasonRequired"],
    });
    expect(await cancelReceptionSlot(secretary, { projectId: P(), slotId: id, reason: "接待室检修", version: "1" })).toEqual({
      cancelledBookings: 2,
    });
    const rows = await db().appointment.findMany({
      where: { slotId: id },
      select: { status: true, cancelReason: true, cancelledAt: true },
    });
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row).toMatchObject({ status: "CANCELLED", cancelReason: "接待室检修" });
    expect(await db().receptionSlot.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "CANCELLED",
      seatsTaken: 0,
      cancelReason: "接待室检修",
    });
    expect(await db().auditEvent.count({ where: { entityId: id, action: "cancel:reception-slot" } })).toBe(1);
    expect(
      await db().auditEvent.count({
        where: { entityId: { in: [first.appointmentId, second.appointmentId] }, action: "cancel:appointment" },
      }),
    ).toBe(2);
    expect((await getOwnReception(a!)).booking).toBeNull();
    expect((await refusalOf(bookReceptionSlot(c!, { slotId: id }))).fieldErrors).toEqual({ _form: ["reception.errors.slotCancelled"] });
    expect(
      (await refusalOf(changeSlotCapacity(secretary, { projectId: P(), slotId: id, capacity: "5", version: "2" }))).fieldErrors,
    ).toEqual({
      _form: ["reception.errors.slotCancelled"],
    });
  });
});

describe("a resident books, moves and cancels", () => {
  it("lists the open future slots of their own project only, with the seats left", async () => {
    const day = nextDay();
    const open = await slot({ day, start: "09:00", end: "09:30", capacity: 2 });
    const cancelled = await slot({ day, start: "10:00", end: "10:30" });
    await cancelReceptionSlot(secretary, { projectId: P(), slotId: cancelled, reason: "改期", version: "1" });
    const past = await db().receptionSlot.create({
      data: {
        projectId: P(),
        room: "接待室一",
        startsAt: new Date(Date.now() - 3_600_000),
        endsAt: new Date(Date.now() - 1_800_000),
        capacity: 2,
      },
    });
    const [a] = await freeResidents(1);
    const view = await getOwnReception(a!);
    const ids = view.days.flatMap((d) => d.slots.map((s) => s.id));
    expect(ids).toContain(open);
    expect(ids).not.toContain(cancelled);
    expect(ids).not.toContain(past.id);
    expect(view.days.find((d) => d.day === day)!.slots.find((s) => s.id === open)!.seatsLeft).toBe(2);
    // The other project's resident sees none of them.
    const theirs = await getOwnReception(otherResident);
    expect(theirs.days.flatMap((d) => d.slots.map((s) => s.id))).not.toContain(open);
  });

  it("books a seat, audited; a second booking of the household is refused", async () => {
    const id = await slot({ capacity: 2 });
    const another = await slot({ capacity: 2 });
    const [a] = await freeResidents(1);
    const booked = await bookReceptionSlot(a!, { slotId: id });
    expect(await seatsOf(id)).toEqual({ seatsTaken: 1, capacity: 2, booked: 1 });
    expect(await db().auditEvent.count({ where: { entityId: booked.appointmentId, action: "book:appointment" } })).toBe(1);
    expect((await getOwnReception(a!)).booking).toMatchObject({ appointmentId: booked.appointmentId, slotId: id });
    expect((await refusalOf(bookReceptionSlot(a!, { slotId: another }))).fieldErrors).toEqual({
      _form: ["reception.errors.alreadyBooked"],
    });
    expect((await refusalOf(bookReceptionSlot(a!, { slotId: id }))).fieldErrors).toEqual({ _form: ["reception.errors.alreadyBooked"] });
  });

  it("refuses a past slot and does not find another project's slot or a malformed id", async () => {
    const past = await db().receptionSlot.create({
      data: {
        projectId: P(),
        room: "接待室九",
        startsAt: new Date(Date.now() - 60_000),
        endsAt: new Date(Date.now() + 1_800_000),
        capacity: 5,
      },
    });
    const [a] = await freeResidents(1);
    expect((await refusalOf(bookReceptionSlot(a!, { slotId: past.id }))).fieldErrors).toEqual({ _form: ["reception.errors.slotStarted"] });
    const theirs = await db().receptionSlot.create({
      data: {
        projectId: other.project.id,
        room: "接待室一",
        startsAt: new Date(Date.now() + 86_400_000),
        endsAt: new Date(Date.now() + 88_000_000),
        capacity: 5,
      },
    });
    expect((await refusalOf(bookReceptionSlot(a!, { slotId: theirs.id }))).code).toBe("NOT_FOUND");
    expect((await refusalOf(bookReceptionSlot(a!, { slotId: "not-a-uuid" }))).code).toBe("VALIDATION");
    expect(await seatsOf(past.id)).toMatchObject({ seatsTaken: 0 });
  });

  it("moves a booking atomically; a full target leaves it where it was", async () => {
    const from = await slot({ capacity: 2 });
    const to = await slot({ capacity: 1 });
    const full = await slot({ capacity: 1 });
    const [a, b] = await freeResidents(2);
    const booking = await bookReceptionSlot(a!, { slotId: from });
    await bookReceptionSlot(b!, { slotId: full });
    expect((await refusalOf(moveBooking(a!, { appointmentId: booking.appointmentId, slotId: full }))).fieldErrors).toEqual({
      _form: ["reception.errors.full"],
    });
    expect(await seatsOf(from)).toEqual({ seatsTaken: 1, capacity: 2, booked: 1 });
    expect((await refusalOf(moveBooking(a!, { appointmentId: booking.appointmentId, slotId: from }))).fieldErrors).toEqual({
      _form: ["reception.errors.sameSlot"],
    });
    await moveBooking(a!, { appointmentId: booking.appointmentId, slotId: to });
    expect(await seatsOf(from)).toEqual({ seatsTaken: 0, capacity: 2, booked: 0 });
    expect(await seatsOf(to)).toEqual({ seatsTaken: 1, capacity: 1, booked: 1 });
    expect(await db().appointment.count({ where: { householdId: a!.householdId!, status: "BOOKED" } })).toBe(1);
    expect(await db().auditEvent.count({ where: { entityId: booking.appointmentId, action: "move:appointment" } })).toBe(1);
  });

  it("cancels a booking, giving the seat back; the slot can be booked again", async () => {
    const id = await slot({ capacity: 1 });
    const [a] = await freeResidents(1);
    const booking = await bookReceptionSlot(a!, { slotId: id });
    await cancelBooking(a!, { appointmentId: booking.appointmentId });
    expect(await seatsOf(id)).toEqual({ seatsTaken: 0, capacity: 1, booked: 0 });
    expect(await db().auditEvent.count({ where: { entityId: booking.appointmentId, action: "cancel:appointment" } })).toBe(1);
    expect((await refusalOf(cancelBooking(a!, { appointmentId: booking.appointmentId }))).fieldErrors).toEqual({
      _form: ["reception.errors.notBooked"],
    });
    const again = await bookReceptionSlot(a!, { slotId: id });
    expect(again.appointmentId).not.toBe(booking.appointmentId);
    expect(await seatsOf(id)).toEqual({ seatsTaken: 1, capacity: 1, booked: 1 });
  });

  it("does not find another household's booking to move or cancel", async () => {
    const id = await slot({ capacity: 2 });
    const target = await slot({ capacity: 2 });
    const [a, b] = await freeResidents(2);
    const booking = await bookReceptionSlot(a!, { slotId: id });
    expect((await refusalOf(cancelBooking(b!, { appointmentId: booking.appointmentId }))).code).toBe("NOT_FOUND");
    expect((await refusalOf(moveBooking(b!, { appointmentId: booking.appointmentId, slotId: target }))).code).toBe("NOT_FOUND");
    expect((await refusalOf(cancelBooking(otherResident, { appointmentId: booking.appointmentId }))).code).toBe("NOT_FOUND");
    expect(await seatsOf(id)).toEqual({ seatsTaken: 1, capacity: 2, booked: 1 });
  });

  it("shows staff the seats taken and who booked, the phone masked", async () => {
    const day = nextDay();
    const id = await slot({ day, capacity: 3 });
    const [a] = await freeResidents(1);
    await bookReceptionSlot(a!, { slotId: id });
    const household = await db().household.findUniqueOrThrow({ where: { id: a!.householdId! }, select: { code: true, phone: true } });
    const week = await listReceptionSlots(secretary, { projectId: P(), week: day });
    const shown = week.days.find((d) => d.day === day)!.slots.find((s) => s.id === id)!;
    expect(shown).toMatchObject({ seatsTaken: 1, capacity: 3 });
    expect(shown.bookings).toHaveLength(1);
    expect(shown.bookings[0]!.householdCode).toBe(household.code);
    expect(week.mayManage).toBe(true);
    if (household.phone) {
      expect(shown.bookings[0]!.phoneMasked).toMatch(/\*{4}/);
      expect(JSON.stringify(week)).not.toContain(household.phone);
    }
  });
});

describe("under concurrency", () => {
  it("gives the last 10 seats to exactly 10 of 50 residents booking at once; the other 40 hear 'full'", async () => {
    const id = await slot({ capacity: 12 });
    const racers = await freeResidents(52);
    await bookReceptionSlot(racers[0]!, { slotId: id });
    await bookReceptionSlot(racers[1]!, { slotId: id });
    const outcomes = await Promise.all(
      racers.slice(2).map((r) =>
        bookReceptionSlot(r, { slotId: id }).then(
          () => "booked" as const,
          (error: unknown) => error,
        ),
      ),
    );
    expect(outcomes.filter((o) => o === "booked")).toHaveLength(10);
    const refusals = outcomes.filter((o) => o !== "booked");
    expect(refusals).toHaveLength(40);
    for (const r of refusals) {
      expect(r).toBeInstanceOf(AppError);
      expect((r as AppError).fieldErrors).toEqual({ _form: ["reception.errors.full"] });
    }
    expect(await seatsOf(id)).toEqual({ seatsTaken: 12, capacity: 12, booked: 12 });
    expect(await db().auditEvent.count({ where: { action: "book:appointment", after: { path: ["slotId"], equals: id } } })).toBe(12);
    // Free them for the tests after.
    for (const a of await db().appointment.findMany({ where: { slotId: id, status: "BOOKED" }, select: { id: true, householdId: true } })) {
      await cancelBooking(
        racers.find((r) => r.householdId === a.householdId)!,
        { appointmentId: a.id },
      );
    }
  }, 120_000);

  it("books one slot for a household booking two at once", async () => {
    const [x, y] = [await slot({ capacity: 5 }), await slot({ capacity: 5 })];
    const [a] = await freeResidents(1);
    const outcomes = await Promise.allSettled([bookReceptionSlot(a!, { slotId: x }), bookReceptionSlot(a!, { slotId: y })]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect(await db().appointment.count({ where: { householdId: a!.householdId!, status: "BOOKED" } })).toBe(1);
    const seats = (await seatsOf(x)).seatsTaken + (await seatsOf(y)).seatsTaken;
    expect(seats).toBe(1);
  });

  it("a move racing a cancel, or staff cancelling the slot, never leaves both seats or a seat without a booking", async () => {
    const [a] = await freeResidents(1);
    for (let round = 0; round < 6; round++) {
      const day = nextDay();
      const from = await slot({ day, start: "09:00", end: "09:30", capacity: 2 });
      const to = await slot({ day, start: "10:00", end: "10:30", capacity: 2 });
      const booking = await bookReceptionSlot(a!, { slotId: from });
      const racer =
        round % 2 === 0
          ? cancelBooking(a!, { appointmentId: booking.appointmentId })
          : cancelReceptionSlot(secretary, { projectId: P(), slotId: from, reason: "临时取消", version: "1" });
      const outcomes = await Promise.allSettled([moveBooking(a!, { appointmentId: booking.appointmentId, slotId: to }), racer]);
      for (const o of outcomes) {
        if (o.status === "rejected") expect((o.reason as AppError).code).toBe("CONFLICT");
      }
      expect(outcomes.some((o) => o.status === "fulfilled")).toBe(true);
      const row = await db().appointment.findUniqueOrThrow({
        where: { id: booking.appointmentId },
        select: { status: true, slotId: true },
      });
      const fromSeats = await seatsOf(from);
      const toSeats = await seatsOf(to);
      // Each seat counter is exactly its slot's bookings, and the household holds at most one.
      expect(fromSeats.seatsTaken).toBe(fromSeats.booked);
      expect(toSeats.seatsTaken).toBe(toSeats.booked);
      expect(fromSeats.booked + toSeats.booked).toBe(row.status === "BOOKED" ? 1 : 0);
      if (row.status === "BOOKED") {
        expect(row.slotId).toBe(to);
        await cancelBooking(a!, { appointmentId: booking.appointmentId });
      }
    }
  });
});
