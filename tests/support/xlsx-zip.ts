// Workbooks written part by part, for the roster's limits: a ZIP of the few parts an .xlsx needs,
// each part's XML generated in pieces and deflated as a stream (a sheet of a million rows never
// exists as one string), and a header that may claim another size than the part unpacks to, as a
// forged file would.
import { crc32, createDeflateRaw } from "node:zlib";

export type ZipPartInput = {
  name: string;
  /** The part's text in pieces. */
  pieces: () => Iterable<string>;
  /** The unpacked size the headers claim; the real one when left out. */
  declaredSize?: number;
};

async function deflatePart(pieces: Iterable<string>): Promise<{ data: Buffer; size: number; crc: number }> {
  const deflate = createDeflateRaw({ level: 1 });
  const out: Buffer[] = [];
  deflate.on("data", (chunk: Buffer) => out.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    deflate.on("end", resolve);
    deflate.on("error", reject);
  });
  let size = 0;
  let crc = 0;
  let pending: string[] = [];
  let pendingLength = 0;
  const flush = async () => {
    const buffer = Buffer.from(pending.join(""), "utf8");
    pending = [];
    pendingLength = 0;
    size += buffer.byteLength;
    crc = crc32(buffer, crc);
    if (!deflate.write(buffer)) await new Promise((resolve) => deflate.once("drain", resolve));
  };
  for (const piece of pieces) {
    pending.push(piece);
    pendingLength += piece.length;
    if (pendingLength >= 1 << 20) await flush();
  }
  await flush();
  deflate.end();
  await ended;
  return { data: Buffer.concat(out), size, crc };
}

/** A ZIP (deflated parts, no data descriptors) of the parts given. */
export async function zipOf(parts: readonly ZipPartInput[]): Promise<Uint8Array> {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const { data, size, crc } = await deflatePart(part.pieces());
    const name = Buffer.from(part.name, "utf8");
    const declared = part.declaredSize ?? size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(data.byteLength, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.byteLength, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(data.byteLength, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(name.byteLength, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.byteLength + name.byteLength + data.byteLength;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.byteLength, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** Text for XML. */
export const xmlText = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** One row of inline-string cells (the way exceljs's streaming writer and many tools write). */
export function inlineRow(rowNumber: number, cells: readonly string[]): string {
  const columns = cells.map(
    (text, i) => `<c r="${String.fromCharCode(65 + i)}${rowNumber}" t="inlineStr"><is><t>${xmlText(text)}</t></is></c>`,
  );
  return `<row r="${rowNumber}">${columns.join("")}</row>`;
}

/**
 * A one-sheet workbook: the sheet's rows (XML of <row> elements) and, optionally, a shared
 * strings part (XML of <si> elements). Parts are written sheet first, as Excel and exceljs do.
 * `declared` gives the sizes the headers claim, by part name.
 */
export async function workbookOf(options: {
  rows: () => Iterable<string>;
  sharedStrings?: () => Iterable<string>;
  declared?: Partial<Record<string, number>>;
}): Promise<Uint8Array> {
  const one = (text: string) => () => [text];
  const parts: ZipPartInput[] = [
    {
      name: "[Content_Types].xml",
      pieces: one(
        `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
      ),
    },
    {
      name: "_rels/.rels",
      pieces: one(
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
    },
    {
      name: "xl/worksheets/sheet1.xml",
      pieces: function* () {
        yield `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData>`;
        yield* options.rows();
        yield `</sheetData></worksheet>`;
      },
    },
  ];
  if (options.sharedStrings) {
    const strings = options.sharedStrings;
    parts.push({
      name: "xl/sharedStrings.xml",
      pieces: function* () {
        yield `<?xml version="1.0" encoding="UTF-8"?><sst ${NS}>`;
        yield* strings();
        yield `</sst>`;
      },
    });
  }
  parts.push(
    {
      name: "xl/_rels/workbook.xml.rels",
      pieces: one(
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/>${options.sharedStrings ? `<Relationship Id="rId2" Type="${R}/sharedStrings" Target="sharedStrings.xml"/>` : ""}</Relationships>`,
      ),
    },
    {
      name: "xl/workbook.xml",
      pieces: one(
        `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS} xmlns:r="${R}"><sheets><sheet name="花名册" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
    },
  );
  return zipOf(parts.map((part) => ({ ...part, declaredSize: options.declared?.[part.name] })));
}
