import { ESLint } from "eslint";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";

// The layer boundaries of docs/architecture.md are lint rules (eslint.config.mjs). Each case lints
// a small file placed where the rule applies: the breaking import must be reported by
// no-restricted-imports, and the allowed one must not.
const root = fileURLToPath(new URL("../..", import.meta.url));
let eslint: ESLint;

// Loading the config and its plugins takes seconds on a busy machine: once, before the cases.
beforeAll(async () => {
  eslint = new ESLint({ cwd: root });
  await eslint.lintText("export {};\n", { filePath: `${root}lib/domain/example.ts` });
}, 120_000);

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${filePath}` });
  return (result?.messages ?? []).filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

const cases: { rule: string; file: string; breaks: string; allowed: string }[] = [
  {
    rule: "a page never imports the Prisma client",
    file: "app/(staff)/example/page.tsx",
    breaks: 'import { prisma } from "@/lib/db";\nexport default function Page() { return String(prisma); }\n',
    allowed:
      'import { listProjects } from "@/lib/server/projects/list-projects";\nexport default function Page() { return String(listProjects); }\n',
  },
  {
    rule: "a route handler never imports the Prisma client by a relative path",
    file: "app/api/example/route.ts",
    breaks: 'import { prisma } from "../../../lib/db.ts";\nexport const GET = () => prisma;\n',
    allowed: 'import { AppError } from "../../../lib/errors.ts";\nexport const GET = () => AppError;\n',
  },
  {
    rule: "a page never imports a use case's internal helper",
    file: "app/(staff)/example/page.tsx",
    breaks:
      'import { helper } from "@/lib/server/figures/internal/figure-cache";\nexport default function Page() { return String(helper); }\n',
    allowed: 'import { orNotFound } from "@/lib/server/or-not-found";\nexport default function Page() { return String(orNotFound); }\n',
  },
  {
    rule: "a component never imports the Prisma client",
    file: "components/example/example.tsx",
    breaks: 'import { prisma } from "@/lib/db";\nexport function Example() { return String(prisma); }\n',
    allowed: 'import { Button } from "@/components/ui/button";\nexport function Example() { return String(Button); }\n',
  },
  {
    rule: "a component never imports an internal helper",
    file: "components/example/example.tsx",
    breaks:
      'import { helper } from "../../lib/server/signing/internal/household-event.ts";\nexport function Example() { return String(helper); }\n',
    allowed: 'import type { Actor } from "../../lib/auth/actor-types.ts";\nexport type Example = Actor;\n',
  },
  {
    rule: "a component never imports app/",
    file: "components/example/example.tsx",
    breaks:
      'import { someAction } from "@/app/(staff)/projects/[projectId]/actions";\nexport function Example() { return String(someAction); }\n',
    allowed: 'import { Alert } from "@/components/ui/alert";\nexport function Example() { return String(Alert); }\n',
  },
  {
    rule: "a domain rule imports nothing with I/O",
    file: "lib/domain/example.ts",
    breaks: 'import { readFileSync } from "node:fs";\nexport const example = () => readFileSync("x");\n',
    allowed: 'import { ratio } from "./rates.ts";\nexport const example = () => ratio(1, 2);\n',
  },
  {
    rule: "a domain rule never reaches the database or lib/server",
    file: "lib/domain/example.ts",
    breaks: 'import { prisma } from "../db.ts";\nexport const example = () => prisma;\n',
    allowed: 'import type { Vote } from "../generated/prisma/enums.ts";\nexport type Example = Vote;\n',
  },
  {
    rule: "a domain rule uses no framework",
    file: "lib/domain/example.ts",
    breaks: 'import { notFound } from "next/navigation";\nexport const example = () => notFound();\n',
    allowed: 'import { calendarDayOf } from "./calendar-day.ts";\nexport const example = () => calendarDayOf;\n',
  },
];

describe("layer boundaries are lint rules", () => {
  it.each(cases)("$rule", async ({ file, breaks, allowed }) => {
    expect(await restrictedImports(file, breaks)).toHaveLength(1);
    expect(await restrictedImports(file, allowed)).toEqual([]);
  });

  it("the environment is read only in lib/env.ts", async () => {
    const envReads = async (filePath: string) => {
      const [result] = await eslint.lintText("export const zone = process.env.LIANXIN_TIME_ZONE;\n", { filePath: `${root}${filePath}` });
      return (result?.messages ?? []).filter((m) => m.ruleId === "no-restricted-properties");
    };
    expect(await envReads("lib/server/example/example.ts")).toHaveLength(1);
    expect(await envReads("components/example/example.tsx")).toHaveLength(1);
    expect(await envReads("lib/env.ts")).toEqual([]);
    expect(await envReads("scripts/example.ts")).toEqual([]);
  });

  it("lib/server may import the Prisma client (the rules bind app/, components/ and lib/domain only)", async () => {
    expect(
      await restrictedImports("lib/server/example/example.ts", 'import { prisma } from "../../db.ts";\nexport const x = prisma;\n'),
    ).toEqual([]);
  });
});
