// The import route reads an upload only up to the size cap: a body without Content-Length (sent
// in chunks) that goes on past the cap is refused at the cap, the rest never pulled; a declared
// length over the cap is refused before anything is read. A roster sent in chunks still imports.
// The real route handler runs with the session lookup replaced (getActor reads next-auth's cookie,
// which a test has not got), as in route-errors.test.ts.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { loadActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { ROSTER_LIMITS } from "@/lib/roster/columns";
import type { RosterStreamLine } from "@/lib/roster/import-events";
import { POST } from "@/app/api/projects/[projectId]/roster/import/route";
import { seedProject } from "../../prisma/seed/factories.ts";
import { rosterRecords, rosterRows, xlsxBytes } from "../support/roster-files.ts";

const session = vi.hoisted(() => ({ actor: null as import("@/lib/auth/actor").Actor | null }));

vi.mock("@/lib/auth/actor", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/actor")>()),
  getActor: async () => session.actor,
}));
vi.mock("@/lib/i18n/server", async () => {
  const { createTranslator: translator } = await import("@/lib/i18n/translate");
  return { getLocale: async () => "en", getTranslator: async () => translator("en") };
});

const ORIGIN = "http://127.0.0.1:3000";
const BOUNDARY = "----lianxin-upload-test";
const CHUNK = 64 * 1024;
/** The route's cap: the file's limit and room for the multipart envelope around it. */
const CAP = ROSTER_LIMITS.maxFileBytes + 64 * 1024;
const TOO_LARGE = { message: "The file is larger than 10 MB; split it and import the parts." };

let projectId: string;
let secretary: import("@/lib/auth/actor").Actor;

beforeAll(async () => {
  const project = await seedProject(db(), { households: 2, signingGroups: 1, activity: { visitsPerHousehold: 0 } });
  projectId = project.project.id;
  secretary = (await loadActor(db(), project.secretaryId))!;
});

afterEach(() => {
  session.actor = null;
});

const encoder = new TextEncoder();
const head = (fileName: string) =>
  encoder.encode(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`,
  );
const tail = encoder.encode(`\r\n--${BOUNDARY}--\r\n`);

/** A multipart body as a stream of chunks, counting what the reader pulls. */
function streamed(parts: Uint8Array[]) {
  const pulled = { bytes: 0, cancelled: false };
  let index = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const part = parts[index++];
      if (!part) return controller.close();
      pulled.bytes += part.byteLength;
      controller.enqueue(part);
    },
    cancel() {
      pulled.cancelled = true;
    },
  });
  return { body, pulled };
}

function upload(body: ReadableStream<Uint8Array>, headers: Record<string, string> = {}) {
  const request = new Request(`${ORIGIN}/api/projects/${projectId}/roster/import`, {
    method: "POST",
    headers: { origin: ORIGIN, host: "127.0.0.1:3000", "content-type": `multipart/form-data; boundary=${BOUNDARY}`, ...headers },
    body,
    duplex: "half",
  } as RequestInit);
  expect(request.headers.get("content-length")).toBe(headers["content-length"] ?? null);
  return POST(request, { params: Promise.resolve({ projectId }) });
}

describe("the roster upload is counted as it arrives", () => {
  it("refuses a body without Content-Length at the cap, and pulls no more of it", async () => {
    session.actor = secretary;
    // 40 MB on offer, in 64 KB chunks: four times the cap.
    const chunks = [head("big.xlsx"), ...Array.from({ length: 640 }, () => new Uint8Array(CHUNK).fill(0x41)), tail];
    const { body, pulled } = streamed(chunks);
    const response = await upload(body);
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual(TOO_LARGE);
    expect(pulled.bytes).toBeGreaterThan(CAP);
    expect(pulled.bytes).toBeLessThanOrEqual(CAP + CHUNK + head("big.xlsx").byteLength);
    expect(pulled.cancelled).toBe(true);
  });

  it("refuses a declared length over the cap before reading anything", async () => {
    session.actor = secretary;
    const { body, pulled } = streamed([head("big.xlsx"), new Uint8Array(CHUNK), tail]);
    const response = await upload(body, { "content-length": String(CAP + 1) });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual(TOO_LARGE);
    expect(pulled.bytes).toBeLessThanOrEqual(head("big.xlsx").byteLength);
  });

  it("imports a roster sent in chunks without Content-Length", async () => {
    session.actor = secretary;
    const bytes = await xlsxBytes(rosterRows(rosterRecords(12, { prefix: "UPL" })));
    const slices: Uint8Array[] = [];
    for (let at = 0; at < bytes.byteLength; at += 1000) slices.push(bytes.subarray(at, at + 1000));
    const { body } = streamed([head("roster.xlsx"), ...slices, tail]);
    const response = await upload(body);
    expect(response.status).toBe(200);
    const lines = (await response.text())
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as RosterStreamLine);
    expect(lines.at(-1)).toMatchObject({ type: "result", rows: 12, created: 12 });
    expect(await db().household.count({ where: { projectId, code: { startsWith: "UPL-" } } })).toBe(12);
  });
});
