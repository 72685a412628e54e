// Runs `prisma generate` after install. Every Prisma CLI command first tries to download the
// schema-engine binary, which `generate` never uses; where that binary is absent and no
// PRISMA_SCHEMA_ENGINE_BINARY is set, point the variable at a stub for this one call so an
// offline install still works. On a machine with the engine nothing changes.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, writeFileSync, chmodSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1" };
const enginesDir = join(process.cwd(), "node_modules", "@prisma", "engines");
const hasEngine = existsSync(enginesDir) && readdirSync(enginesDir).some((f) => f.startsWith("schema-engine"));
if (!hasEngine && !env.PRISMA_SCHEMA_ENGINE_BINARY) {
  const stub = join(mkdtempSync(join(tmpdir(), "lianxin-prisma-")), "schema-engine-stub");
  writeFileSync(stub, "#!/bin/sh\necho 'schema-engine is not available offline' >&2\nexit 1\n");
  chmodSync(stub, 0o755);
  env.PRISMA_SCHEMA_ENGINE_BINARY = stub;
}
const result = spawnSync("npx", ["prisma", "generate"], { stdio: "inherit", env });
process.exit(result.status ?? 1);
