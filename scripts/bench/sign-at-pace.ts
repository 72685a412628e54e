// The signing writer of `npm run bench:dashboard`, in a process of its own: records signings in one
// project through the real use case (recordSigning, as the project's secretary) at a fixed pace
// until told to stop. It runs apart from the load generator so that its work (Prisma, the first
// calls compiling the signing code) never holds up the generator's clock or its responses.
//
// Forked with DATABASE_URL set and an IPC channel; argv: projectId, signings per second.
// Messages in: "report" (answers with the figures since the last report), "stop".
import "../lib/outside-next.ts";

export type SigningReport = { signed: number; failed: number; left: number; latencies: number[] };

const [projectId, perSecond] = process.argv.slice(2);
if (!projectId || !(Number(perSecond) > 0) || !process.send) {
  console.error("usage: forked by scripts/bench/dashboard.ts with <projectId> <signings per second>");
  process.exit(2);
}

const { db } = await import("../../lib/db.ts");
const { recordSigning } = await import("../../lib/server/signing/record-signing.ts");
const { loadActor } = await import("../../lib/auth/load-actor.ts");

const client = db();
const membership = await client.projectMembership.findFirstOrThrow({ where: { projectId }, select: { userId: true } });
const secretary = (await loadActor(client, membership.userId))!;
const unsigned = await client.household.findMany({
  where: { projectId, isExcluded: false, signing: null, movedOutAt: null },
  select: { id: true, version: true },
});

const stamp = Date.now().toString(36).toUpperCase();
let sequence = 0;
let current: SigningReport = { signed: 0, failed: 0, left: unsigned.length, latencies: [] };

const timer = setInterval(
  () => {
    const household = unsigned.shift();
    if (!household) return;
    sequence += 1;
    const t0 = performance.now();
    recordSigning(secretary, {
      projectId,
      householdId: household.id,
      version: household.version,
      channel: "ON_SITE",
      agreementNumber: `BENCH-${stamp}-${sequence}`,
    })
      // Counted when they end, in the report window they end in.
      .then(() => {
        current.signed += 1;
        current.latencies.push(performance.now() - t0);
      })
      .catch((error: unknown) => {
        current.failed += 1;
        console.error("[bench] signing failed:", error instanceof Error ? error.message : error);
      });
  },
  1000 / Number(perSecond),
);

process.on("message", async (message) => {
  if (message === "report") {
    current.left = unsigned.length;
    process.send!(current);
    current = { signed: 0, failed: 0, left: unsigned.length, latencies: [] };
  } else if (message === "stop") {
    clearInterval(timer);
    await client.$disconnect();
    process.exit(0);
  }
});
process.send({ ready: true, unsigned: unsigned.length });
