import { deflateSync } from 'node:zlib';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';

/**
 * Data and documents of the fake Internetmarke server, typed in from reference/internetmarke-api.md
 * on purpose (not imported from shared/postage), so a wrong price in the app shows up as the
 * server's invalidTotalAmount, the way the real service would answer.
 */

/** PPL60_EPORTO, valid 2025-01-01 … 2026-12-31 (reference §3.2), cents. */
export const FAKE_PPL: Record<number, { name: string; price: number; tracked?: boolean }> = {
  1: { name: 'Standardbrief', price: 95 }, 11: { name: 'Kompaktbrief', price: 110 }, 21: { name: 'Großbrief', price: 180 },
  31: { name: 'Maxibrief', price: 290 }, 41: { name: 'Maxibrief bis 2000 g', price: 510 }, 51: { name: 'Postkarte', price: 95 },
  290: { name: 'Warensendung', price: 270 }, 331: { name: 'Warensendung 2.000', price: 355 },
  1002: { name: 'Standardbrief Einschreiben Einwurf', price: 330, tracked: true }, 1007: { name: 'Standardbrief Einschreiben', price: 360, tracked: true },
  1008: { name: 'Standardbrief Einschreiben Rückschein', price: 580, tracked: true }, 1012: { name: 'Kompaktbrief Einschreiben Einwurf', price: 345, tracked: true },
  1017: { name: 'Kompaktbrief Einschreiben', price: 375, tracked: true }, 1018: { name: 'Kompaktbrief Einschreiben Rückschein', price: 595, tracked: true },
  1022: { name: 'Großbrief Einschreiben Einwurf', price: 415, tracked: true }, 1027: { name: 'Großbrief Einschreiben', price: 445, tracked: true },
  1028: { name: 'Großbrief Einschreiben Rückschein', price: 665, tracked: true }, 1032: { name: 'Maxibrief Einschreiben Einwurf', price: 525, tracked: true },
  1037: { name: 'Maxibrief Einschreiben', price: 555, tracked: true }, 1038: { name: 'Maxibrief Einschreiben Rückschein', price: 775, tracked: true },
  1042: { name: 'Maxibrief 2000 Einschreiben Einwurf', price: 745, tracked: true }, 1047: { name: 'Maxibrief 2000 Einschreiben', price: 775, tracked: true },
  1048: { name: 'Maxibrief 2000 Einschreiben Rückschein', price: 995, tracked: true }, 1052: { name: 'Postkarte Einschreiben Einwurf', price: 330, tracked: true },
  1057: { name: 'Postkarte Einschreiben', price: 360, tracked: true }, 1058: { name: 'Postkarte Einschreiben Rückschein', price: 580, tracked: true },
  10001: { name: 'Standardbrief Intern. GK', price: 125 }, 10011: { name: 'Kompaktbrief Intern. GK', price: 180 },
  10051: { name: 'Großbrief Intern. GK', price: 330 }, 10071: { name: 'Maxibrief Intern. bis 1.000g GK', price: 650 },
  10091: { name: 'Maxibrief Intern. bis 2.000g GK', price: 1700 }, 10201: { name: 'Postkarte Intern. GK', price: 125 },
  11006: { name: 'Standardbrief Intern. Einschreiben', price: 495, tracked: true }, 11016: { name: 'Kompaktbrief Intern. Einschreiben', price: 550, tracked: true },
  11056: { name: 'Großbrief Intern. Einschreiben', price: 700, tracked: true }, 11076: { name: 'Maxibrief Intern. Einschreiben', price: 1020, tracked: true },
  11096: { name: 'Maxibrief 2000 Intern. Einschreiben', price: 2070, tracked: true }, 11202: { name: 'Postkarte Intern. Einschreiben', price: 495, tracked: true },
};

export type FakePageFormat = {
  id: number; isAddressPossible: boolean; isImagePossible: boolean; name: string; description: null; pageType: string;
  pageLayout: { size: { x: number; y: number }; orientation: string; labelSpacing: { x: number; y: number }; labelCount: { labelX: number; labelY: number };
    margin: { top: number; bottom: number; left: number; right: number } };
};

const fmt = (id: number, name: string, pageType: string, x: number, y: number, lx: number, ly: number, m: [number, number, number, number], addr = true, img = false): FakePageFormat => ({
  id, isAddressPossible: addr, isImagePossible: img, name, description: null, pageType,
  pageLayout: { size: { x, y }, orientation: x > y ? 'LANDSCAPE' : 'PORTRAIT', labelSpacing: { x: 0, y: 0 }, labelCount: { labelX: lx, labelY: ly },
    margin: { top: m[0], bottom: m[1], left: m[2], right: m[3] } },
});

/** A slice of the page-format dump in reference §4. */
export const FAKE_PAGE_FORMATS: FakePageFormat[] = [
  fmt(1, 'DIN A4 Normalpapier', 'REGULARPAGE', 210.0, 297.0, 2, 5, [31, 31, 15, 15]),
  fmt(26, 'DIN A4 Normalpapier (Einlegeblatt)', 'REGULARPAGE', 210.0, 297.0, 1, 1, [42, 200, 20, 100]),
  fmt(5, 'Brief C6 114 x 162', 'ENVELOPE', 162.0, 114.0, 1, 1, [0, 0, 0, 0]),
  fmt(28, 'Brief DIN lang 220 x 110', 'ENVELOPE', 220.0, 110.0, 1, 1, [0, 0, 0, 0]),
  fmt(25, 'Brother DK-22205 Endlos-Etikett 62mm', 'LABELPRINTER', 62.0, 100.0, 1, 1, [5, 5, 3, 3]),
  fmt(29, 'Brother DK-11202 Versand-Etikett 62 x 100', 'LABELPRINTER', 62.0, 100.0, 1, 1, [0, 0, 0, 0]),
  fmt(90, 'Dymo 99014, 101 x 54', 'LABELPRINTER', 54.0, 101.0, 1, 1, [0, 0, 0, 0]),
  fmt(11, 'Zweckform J8173, 2 Spalten - 5 Reihen', 'LABELPAGE', 210.0, 297.0, 2, 5, [13, 13, 4.5, 4.5]),
  fmt(35, 'DIN A4 Normalpapier', 'REGULARPAGE', 210.0, 297.0, 4, 8, [10, 10, 10, 10], false, true),
];

export type StampSpec = {
  voucherId: string; trackId: string | null; productCode: number; position?: { labelX: number; labelY: number; page: number };
  layout: string; address?: { sender: Record<string, string>; receiver: Record<string, string> };
};

const MM = 72 / 25.4;
/** Helvetica speaks WinAnsi only; anything else becomes '?' (the real stamps are Latin-1 too). */
const latin1 = (s: string) => s.replace(/[^\x20-\x7e\xa0-\xff]/g, '?');

function addrLines(a: Record<string, string>): string[] {
  return [a.additionalName, a.name, a.addressLine1, a.addressLine2, `${a.postalCode} ${a.city}`, a.country === 'DEU' ? '' : a.country].filter(Boolean) as string[];
}

/** A real PDF: one stamp per position, on the grid of the page format, with the address printed. */
export async function stampPdf(format: FakePageFormat, stamps: StampSpec[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle('Internetmarke');
  doc.setProducer('fake-internetmarke');
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const { size, labelCount, margin } = format.pageLayout;
  const pages = Math.max(1, ...stamps.map((s) => s.position?.page ?? 1));
  const pdfPages = Array.from({ length: pages }, () => doc.addPage([size.x * MM, size.y * MM]));
  const cellW = (size.x - margin.left - margin.right) / labelCount.labelX;
  const cellH = (size.y - margin.top - margin.bottom) / labelCount.labelY;
  for (const s of stamps) {
    const pos = s.position ?? { labelX: 1, labelY: 1, page: 1 };
    const page = pdfPages[pos.page - 1]!;
    const x = (margin.left + (pos.labelX - 1) * cellW) * MM;
    const top = (size.y - margin.top - (pos.labelY - 1) * cellH) * MM;
    page.drawRectangle({ x: x + 2, y: top - cellH * MM + 2, width: cellW * MM - 4, height: cellH * MM - 4, borderColor: rgb(0.2, 0.2, 0.2), borderWidth: 0.5 });
    const p = FAKE_PPL[s.productCode];
    const lines: [string, boolean][] = [
      ['Deutsche Post  INTERNETMARKE', true],
      [`${p?.name ?? s.productCode}  ${((p?.price ?? 0) / 100).toFixed(2).replace('.', ',')} EUR`, false],
      [s.voucherId, false],
      ...(s.trackId ? ([[`Sendungsnummer ${s.trackId}`, false]] as [string, boolean][]) : []),
    ];
    if (s.address && s.layout === 'ADDRESS_ZONE') {
      lines.push([`Abs.: ${addrLines(s.address.sender).join(', ')}`, false]);
      for (const l of addrLines(s.address.receiver)) lines.push([l, true]);
    }
    const fs = Math.min(8, (cellH * MM - 8) / (lines.length * 1.25));
    lines.forEach(([text, b], i) => page.drawText(latin1(text), { x: x + 6, y: top - 8 - fs * 1.25 * (i + 1), size: fs, font: b ? bold : font, maxWidth: cellW * MM - 10 }));
  }
  return doc.save({ useObjectStreams: false });
}

// --- PNG: tiny real images, each carrying its voucher id in a tEXt chunk -------------------------------
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}
export function stampPng(voucherId: string, width = 437, height = 236): Uint8Array {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const raw = Buffer.alloc((width + 1) * height, 0xff);
  for (let y = 0; y < height; y++) raw[y * (width + 1)] = 0; // filter byte
  for (let x = 0; x < width; x++) raw[1 + x] = 0; // a black top line, so it is not blank
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('tEXt', Buffer.from(`Comment\0${voucherId}`, 'latin1')),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', new Uint8Array()),
  ]);
}
