// The areas of lib/server (one folder each) import each other in one direction only: no two areas
// reach each other through any chain of imports. The figures area is below the others: every area
// with figures imports lib/server/figures, and figures imports only what it is built on. Its
// internal/ helpers (the cache, the counts, the queries) are for its own entry points.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const SERVER = resolve(__dirname, "../../lib/server");

/** The other areas figures may import, and why. */
const FIGURES_MAY_IMPORT: Record<string, string> = {
  live: "the progress listener's versions decide when a cached entry is stale (decision 010)",
  households: "householdStateRankSql, the household list's own state SQL, so a state's count and the filtered list agree",
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith(".ts") ? [path] : [];
  });
}

/** The area (first folder under lib/server) of a path, or null for lib/server's own files. */
function areaOf(path: string): string | null {
  const parts = relative(SERVER, path).split("/");
  return parts.length > 1 && !parts[0]!.startsWith("..") ? parts[0]! : null;
}

/** Every relative import, re-export and dynamic import of a file, resolved to a path. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*"(\.{1,2}\/[^"]+)"/g)].map((m) => m[1]!);
  return specifiers.map((s) => resolve(dirname(file), s));
}

const files = filesUnder(SERVER);
const edges = new Map<string, Map<string, string>>();
for (const file of files) {
  const from = areaOf(file);
  if (!from) continue;
  for (const target of importsOf(file)) {
    const to = areaOf(target);
    if (!to || to === from) continue;
    if (!edges.has(from)) edges.set(from, new Map());
    edges.get(from)!.set(to, relative(SERVER, file));
  }
}

describe("lib/server areas", () => {
  it("form no loop: no area reaches itself through the imports of others", () => {
    const loops: string[] = [];
    const visit = (area: string, path: string[]) => {
      for (const next of edges.get(area)?.keys() ?? []) {
        if (next === path[0]) loops.push([...path, next].join(" → "));
        else if (!path.includes(next)) visit(next, [...path, next]);
      }
    };
    for (const area of edges.keys()) visit(area, [area]);
    expect(loops).toEqual([]);
  });

  it("figures imports no other area but the ones it is built on", () => {
    const imported = [...(edges.get("figures")?.keys() ?? [])];
    expect(imported.filter((area) => !(area in FIGURES_MAY_IMPORT))).toEqual([]);
  });

  it("only the figures area uses its internal helpers", () => {
    const internal = join(SERVER, "figures/internal");
    const outside = files.filter((file) => areaOf(file) !== "figures" && importsOf(file).some((target) => target.startsWith(internal)));
    expect(outside.map((file) => relative(SERVER, file))).toEqual([]);
  });

  it("sees the imports it checks", () => {
    // A check that finds nothing would pass with every rule broken.
    expect(edges.get("dashboard")?.has("figures")).toBe(true);
    expect(edges.get("figures")?.has("live")).toBe(true);
  });
});
