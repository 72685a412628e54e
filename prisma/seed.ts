// `npm run db:seed`: loads the demo (prisma/seed/demo.ts) into DATABASE_URL when the database has
// no projects yet, and prints one line. `--anchor=YYYY-MM-DD` (or LIANXIN_DEMO_ANCHOR) pins
// "today" so the demo is reproducible; the default is today in Asia/Shanghai.

import { createPrismaClient } from "../lib/db.ts";
import { seedDemo } from "./seed/demo.ts";

async function main(): Promise<number> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("seed: DATABASE_URL is not set");
    return 1;
  }
  const anchorArg = process.argv.find((arg) => arg.startsWith("--anchor="))?.slice("--anchor=".length);
  const anchor = anchorArg ?? process.env.LIANXIN_DEMO_ANCHOR ?? undefined;
  const prisma = createPrismaClient(url, 4);
  try {
    const existing = await prisma.project.count();
    if (existing > 0) {
      console.log(`seed: skipped, the database already has ${existing} project(s)`);
      return 0;
    }
    const summary = await seedDemo(prisma, { anchor });
    const projects = summary.projects.map(({ code, figures }) => `${code} ${figures.signed}/${figures.eligible} signed`).join(", ");
    console.log(
      `seed: demo loaded in ${(summary.milliseconds / 1000).toFixed(1)} s (anchor ${summary.anchor}): ${projects}; ` +
        `${summary.rows.households} households, ${summary.rows.visitLogs} visit logs, ${summary.rows.users} users`,
    );
    return 0;
  } catch (error) {
    console.error("seed: failed:", error instanceof Error ? error.message : error);
    return 1;
  } finally {
    await prisma.$disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error("seed: failed:", error);
    process.exit(1);
  },
);
