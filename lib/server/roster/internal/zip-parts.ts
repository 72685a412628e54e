import "server-only";
import { Readable } from "node:stream";
import { createInflateRaw } from "node:zlib";

// The parts of an .xlsx (a ZIP) read one at a time from its central directory, each unpacked as a
// stream and counted as it comes out: a part that unpacks to more than the budget is stopped
// there, whatever sizes its headers claim (decision 023). Only what a workbook needs: stored and
// deflated parts, no encryption, no ZIP64 (a roster is at most 10 MB).

export type ZipPart = {
  name: string;
  /** 0 stored, 8 deflated. */
  method: 0 | 8;
  compressedSize: number;
  /** What the central directory claims; a forged file may unpack to more (counted anyway). */
  declaredSize: number;
  dataStart: number;
};

/** The file is not a ZIP this reader can open (truncated, encrypted, ZIP64, another method). */
export class ZipUnreadable extends Error {}

/** The parts read so far unpacked to more than the budget. */
export class UnpackedTooLarge extends Error {}

/** Bytes the parts of one file may unpack to, shared by every part read from it. */
export class UnpackBudget {
  used = 0;
  constructor(readonly max: number) {}

  take(bytes: number) {
    this.used += bytes;
    if (this.used > this.max) throw new UnpackedTooLarge();
  }
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** Input handed to the inflater at a time (its output comes in 16 KB chunks). */
const SLICE = 64 * 1024;

/** The parts of a ZIP by lower-case name, from its central directory. */
export function listZipParts(bytes: Uint8Array): Map<string, ZipPart> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  let eocd = -1;
  for (let at = bytes.byteLength - 22; at >= Math.max(0, bytes.byteLength - 22 - 0xffff); at--) {
    if (u32(at) === EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd === -1) throw new ZipUnreadable("no end of central directory");
  const count = u16(eocd + 10);
  const size = u32(eocd + 12);
  const offset = u32(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff || offset + size > eocd) throw new ZipUnreadable("ZIP64 or bad directory");

  const parts = new Map<string, ZipPart>();
  const decoder = new TextDecoder();
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > eocd || u32(at) !== CENTRAL) throw new ZipUnreadable("bad central directory entry");
    const flags = u16(at + 8);
    const method = u16(at + 10);
    const compressedSize = u32(at + 20);
    const declaredSize = u32(at + 24);
    const nameLength = u16(at + 28);
    const next = at + 46 + nameLength + u16(at + 30) + u16(at + 32);
    const local = u32(at + 42);
    if (next > eocd) throw new ZipUnreadable("bad central directory entry");
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at = next;
    if (name.endsWith("/")) continue;
    if (flags & 1) throw new ZipUnreadable("encrypted");
    if (method !== 0 && method !== 8) throw new ZipUnreadable(`method ${method}`);
    if (compressedSize === 0xffffffff || declaredSize === 0xffffffff || local === 0xffffffff) throw new ZipUnreadable("ZIP64");
    if (local + 30 > bytes.byteLength || u32(local) !== LOCAL) throw new ZipUnreadable("bad local header");
    const dataStart = local + 30 + u16(local + 26) + u16(local + 28);
    if (dataStart + compressedSize > bytes.byteLength) throw new ZipUnreadable("truncated");
    const key = name.toLowerCase();
    // Two parts of one name: which one a reader takes is a way to show different people different data.
    if (parts.has(key)) throw new ZipUnreadable("duplicate part");
    parts.set(key, { name, method, compressedSize, declaredSize, dataStart });
  }
  return parts;
}

/** A part's bytes as they unpack, each chunk counted against the budget before it is handed on;
 *  stopping early (or the budget running out) stops the inflater. */
export async function* unpackPart(bytes: Uint8Array, part: ZipPart, budget: UnpackBudget): AsyncGenerator<Buffer> {
  // Headers are not trusted (a forged one claims little); and an honest large one is not refused
  // up front either: a sheet of too many rows says so at its first row over the limit, long
  // before its unpacked size matters.
  const data = bytes.subarray(part.dataStart, part.dataStart + part.compressedSize);
  function* slices() {
    for (let at = 0; at < data.byteLength; at += SLICE)
      yield Buffer.from(data.buffer, data.byteOffset + at, Math.min(SLICE, data.byteLength - at));
  }
  if (part.method === 0) {
    for (const slice of slices()) {
      budget.take(slice.byteLength);
      yield slice;
    }
    return;
  }
  const source = Readable.from(slices());
  const inflate = createInflateRaw();
  source.pipe(inflate);
  try {
    for await (const chunk of inflate as AsyncIterable<Buffer>) {
      budget.take(chunk.byteLength);
      yield chunk;
    }
  } catch (error) {
    if (error instanceof UnpackedTooLarge) throw error;
    throw new ZipUnreadable(`inflate: ${(error as Error).message}`);
  } finally {
    source.destroy();
    inflate.destroy();
  }
}
