// `npm run bench:reception`: 50 residents book the last 10 seats of one reception slot at the same
// moment, through the real use case (bookReceptionSlot), on a throw-away embedded Postgres, with
// the portal's own pool (DB_POOL_MAX, default 10). Prints, as markdown, per round: bookings made
// (must be exactly the free seats), refusals by reason, the slot's seat count against its booked
// rows, and the latency of each booking call from the moment all were sent (p50 / p95 / max).
// Exits non-zero if any round overbooked or underbooked.
//
//   npm run bench:reception                                   # 50 residents, 10 seats left, 5 rounds
//   npm run bench:reception -- --residents 200 --seats 25 --rounds 3
//   npm run bench:reception -- --ephemeral                    # fsync off, as the test databases run
import "../lib/outside-next.ts";
import { cpus, freemem, totalmem, tmpdir, platform, release } from "node:os";
import { mkdtempSync, rmSync, chmodSync } from "node:fs";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { performance } from "node:perf_hooks";

const { values: args } = parseArgs({
  options: {
    residents: { type: "string", default: "50" },
    seats: { type: "string", default: "10" },
    /** Seats already booked before the race (the slot's capacity is seats + taken). */
    taken: { type: "string", default: "2" },
    rounds: { type: "string", default: "5" },
    ephemeral: { type: "boolean", default: false },
  },
});
const RESIDENTS = Number(args.residents);
const SEATS = Number(args.seats);
const TAKEN = Number(args.taken);
const ROUNDS = Number(args.rounds);

const { startEmbeddedPostgres, findFreePort } = await import("../lib/postgres.ts");
const { migrate } = await import("../../prisma/migrator.ts");

const MB = 1024 * 1024;
const mb = (bytes: number) => (bytes / MB).toFixed(0);

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
const ms = (value: number) => value.toFixed(1);

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "lianxin-bench-reception-"));
  chmodSync(dir, 0o755);
  const port = await findFreePort();
  const postgres = await startEmbeddedPostgres({ dataDir: join(dir, "pg"), port, ephemeral: args.ephemeral });
  let failed = false;
  try {
    await migrate(postgres.url);
    process.env.DATABASE_URL = postgres.url;
    process.env.LIANXIN_DATA_KEY ??= randomBytes(32).toString("hex");

    const { db } = await import("../../lib/db.ts");
    const { loadActor } = await import("../../lib/auth/load-actor.ts");
    const { serverEnv } = await import("../../lib/env.ts");
    const { AppError } = await import("../../lib/errors.ts");
    const { seedProject, seedUser } = await import("../../prisma/seed/factories.ts");
    const { bookReceptionSlot } = await import("../../lib/server/reception/book-reception-slot.ts");
    const { createReceptionSlot } = await import("../../lib/server/reception/create-reception-slot.ts");
    const { receptionToday } = await import("../../lib/server/reception/reception-input.ts");
    const { addDays } = await import("../../lib/domain/progress.ts");
    const pgVersion = (await db().$queryRawUnsafe<{ server_version: string }[]>("SHOW server_version"))[0]!.server_version;

    // One project with a household (and a resident login) for every racer of every round, no
    // generated slots: each round's slot is the only one its residents see.
    const households = (RESIDENTS + TAKEN) * ROUNDS;
    const project = await seedProject(db(), {
      code: "BENCH-RCP",
      households,
      signingGroups: 1,
      activity: { visitsPerHousehold: 0, receptionRooms: [] },
    });
    const secretary = (await loadActor(db(), project.secretaryId))!;
    const rows = await db().household.findMany({
      where: { projectId: project.project.id },
      orderBy: { code: "asc" },
      select: { id: true },
    });
    const residents = [];
    for (const h of rows) residents.push((await loadActor(db(), (await seedUser(db(), { role: "RESIDENT", householdId: h.id })).id))!);

    const lines: string[] = [];
    const all: number[] = [];
    lines.push(
      "| round | residents | free seats | booked | refused (full) | refused (other) | seats taken / booked rows / capacity | p50 ms | p95 ms | max ms |",
    );
    lines.push("| ---: | ---: | ---: | ---: | ---: | ---: | :---: | ---: | ---: | ---: |");
    for (let round = 0; round < ROUNDS; round++) {
      const { slotIds } = await createReceptionSlot(secretary, {
        projectId: project.project.id,
        room: `压测接待室${round + 1}`,
        mode: "IN_PERSON",
        day: addDays(receptionToday(new Date()), 1 + round),
        startTime: "09:00",
        endTime: "10:00",
        capacity: String(SEATS + TAKEN),
      });
      const slotId = slotIds[0]!;
      const group = residents.slice(round * (RESIDENTS + TAKEN), (round + 1) * (RESIDENTS + TAKEN));
      for (const early of group.slice(0, TAKEN)) await bookReceptionSlot(early, { slotId });
      const racers = group.slice(TAKEN);
      const start = performance.now();
      const outcomes = await Promise.all(
        racers.map((r) =>
          bookReceptionSlot(r, { slotId }).then(
            () => ({ kind: "booked" as const, ms: performance.now() - start }),
            (error: unknown) => ({
              kind:
                error instanceof AppError && error.fieldErrors?._form?.[0] === "reception.errors.full"
                  ? ("full" as const)
                  : ("other" as const),
              ms: performance.now() - start,
              error,
            }),
          ),
        ),
      );
      const booked = outcomes.filter((o) => o.kind === "booked").length;
      const full = outcomes.filter((o) => o.kind === "full").length;
      const others = outcomes.filter((o) => o.kind === "other");
      for (const o of others) console.error("unexpected refusal:", "error" in o ? o.error : o);
      const slot = await db().receptionSlot.findUniqueOrThrow({ where: { id: slotId }, select: { seatsTaken: true, capacity: true } });
      const bookedRows = await db().appointment.count({ where: { slotId, status: "BOOKED" } });
      const times = outcomes.map((o) => o.ms).sort((a, b) => a - b);
      all.push(...times);
      if (booked !== Math.min(SEATS, RESIDENTS) || slot.seatsTaken !== bookedRows || bookedRows > slot.capacity) failed = true;
      lines.push(
        `| ${round + 1} | ${RESIDENTS} | ${SEATS} | ${booked} | ${full} | ${others.length} | ${slot.seatsTaken} / ${bookedRows} / ${slot.capacity} | ${ms(percentile(times, 50))} | ${ms(percentile(times, 95))} | ${ms(times.at(-1)!)} |`,
      );
    }
    all.sort((a, b) => a - b);
    const pool = serverEnv().DB_POOL_MAX;
    await db().$disconnect();

    const cpu = cpus()[0]?.model.trim() ?? "unknown CPU";
    console.log(
      [
        "### Reception booking: the last seats of one slot, booked all at once",
        "",
        `- Machine: ${cpu}, ${cpus().length} cores, ${mb(totalmem())} MB RAM (${mb(freemem())} MB free), ${platform()} ${release()}`,
        `- Node ${process.version}, PostgreSQL ${pgVersion} (embedded, ${args.ephemeral ? "fsync off" : "fsync on"}), pool ${pool} connections, date ${new Date().toISOString().slice(0, 10)}`,
        `- Command: \`npm run bench:reception${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}\``,
        `- Each round: a slot with ${SEATS + TAKEN} seats, ${TAKEN} booked beforehand, then ${RESIDENTS} residents call bookReceptionSlot at the same moment.`,
        "",
        ...lines,
        "",
        `All rounds: ${all.length} calls, p50 ${ms(percentile(all, 50))} ms, p95 ${ms(percentile(all, 95))} ms, max ${ms(all.at(-1)!)} ms. ${failed ? "**FAILED: a round did not book exactly the free seats.**" : "Every round booked exactly the free seats."}`,
      ].join("\n"),
    );
  } finally {
    await postgres.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  if (failed) process.exitCode = 1;
}

await main();
