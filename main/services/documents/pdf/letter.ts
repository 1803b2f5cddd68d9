import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { Address } from '../../../../shared/domain/address';
import type { CompanySettings } from '../../../../shared/domain/settings';
import type { RowPages } from './engine';

/** 1 mm in PDF points. */
export const MM = 2.834645669;
export type LetterForm = 'A' | 'B';

/**
 * DIN 5008 geometry (invoicing-de.md §4). Form B (45 mm letterhead) is the default because its
 * address field sits in the window of a DIN-lang envelope after a zig-zag fold at 105/210 mm.
 */
export const FORMS = {
  A: { addressTop: 27, infoTop: 32, folds: [87, 192], bodyTop: 80.5, logoMaxH: 20 },
  B: { addressTop: 45, infoTop: 50, folds: [105, 210], bodyTop: 98.5, logoMaxH: 30 },
} as const;
const PAGE_W = 210;
const LEFT = 25; // Fluchtlinie
const RIGHT = 20;
const TOP = 27; // pages 2+: header line sits in the top margin
const BOTTOM = 40; // last text line ≈ 257 mm (DIN 676), footer below it
export const CONTENT_WIDTH = (PAGE_W - LEFT - RIGHT) * MM;

const countryName = (cc: string) => {
  try {
    return new Intl.DisplayNames(['de'], { type: 'region' }).of(cc) ?? cc;
  } catch {
    return cc;
  }
};

/** The Anschriftzone lines (at most 6, no empty lines), German postal order; foreign country last in capitals. */
export function addressLines(a: Address): string[] {
  const lines: string[] = [];
  if (a.company) lines.push(a.company);
  if (a.name) lines.push(a.name);
  if (a.careOf) lines.push(/^c\/o/i.test(a.careOf) ? a.careOf : `c/o ${a.careOf}`);
  if (a.kind === 'packstation' || a.kind === 'postfiliale') {
    if (a.postNumber) lines.push(a.postNumber);
    lines.push(`${a.kind === 'packstation' ? 'Packstation' : 'Postfiliale'} ${a.houseNumber}`.trim());
  } else {
    const street = `${a.street} ${a.houseNumber}`.trim();
    if (street) lines.push(street);
    if (a.addition) lines.push(a.addition);
  }
  lines.push(`${a.zip} ${a.city}`.trim());
  if (a.country !== 'DE') lines.push(countryName(a.country).toUpperCase());
  return lines.filter((l) => l.trim() !== '').slice(0, 6);
}

export function sellerLine(s: CompanySettings): string {
  return [s.companyName || s.ownerName, s.street, `${s.zip} ${s.city}`.trim()].filter(Boolean).join(' · ');
}

export type LetterInput = {
  form: LetterForm;
  seller: CompanySettings;
  recipient: Address;
  /** Label/value rows of the information block (right of the address field). */
  info: [string, string][];
  title: string;
  /** Short form for the header of pages 2+, e.g. "Rechnung RE-2026-00012". */
  runningTitle: string;
  body: Content[];
  /** Carried totals: text per page (footer of the page / header of the page). */
  carry?: { footer: Map<number, string>; header: Map<number, string> };
  /** Stable creation date so the same content gives the same bytes. */
  createdAt: Date;
  subject: string;
};

function logo(s: CompanySettings, form: LetterForm): Content[] {
  if (!s.logoDataUrl) return [];
  const maxH = FORMS[form].logoMaxH * MM;
  return [{ image: s.logoDataUrl, fit: [70 * MM, maxH], absolutePosition: { x: (PAGE_W - RIGHT - 70) * MM, y: 10 * MM }, alignment: 'right' }];
}

function footer(s: CompanySettings, free: string): (page: number, pages: number) => Content {
  const col1 = [s.companyName, s.ownerName && s.ownerName !== s.companyName ? `Inh. ${s.ownerName}` : '', s.street, `${s.zip} ${s.city}`.trim()].filter(Boolean);
  const col2 = [s.phone && `Tel. ${s.phone}`, s.email, s.vatId && `USt-IdNr.: ${s.vatId}`, s.taxNumber && `Steuernummer: ${s.taxNumber}`].filter(Boolean) as string[];
  const col3 = [s.bankName, s.bankAccountHolder && `Inhaber: ${s.bankAccountHolder}`, s.iban && `IBAN: ${s.iban.replace(/(.{4})/g, '$1 ').trim()}`, s.bic && `BIC: ${s.bic}`].filter(
    Boolean,
  ) as string[];
  return (page, pages) => ({
    margin: [LEFT * MM, 4 * MM, RIGHT * MM, 0],
    stack: [
      { canvas: [{ type: 'line', x1: 0, y1: 0, x2: CONTENT_WIDTH, y2: 0, lineWidth: 0.5, lineColor: '#999999' }] },
      {
        columns: [{ stack: col1 }, { stack: col2 }, { stack: col3 }],
        columnGap: 8,
        fontSize: 7,
        color: '#333333',
        margin: [0, 3, 0, 0],
      },
      ...(free ? [{ text: free, fontSize: 7, color: '#333333', margin: [0, 3, 0, 0] as [number, number, number, number] }] : []),
      { text: `Seite ${page} von ${pages}`, fontSize: 7, alignment: 'right', margin: [0, 2, 0, 0] },
    ],
  });
}

/** A DIN 5008 business letter around the given body: letterhead, address field, info block, marks, footer. */
export function letter(l: LetterInput): TDocumentDefinitions {
  const f = FORMS[l.form];
  const s = l.seller;
  const infoBody = l.info.map(([k, v]) => [{ text: k, color: '#444444' }, { text: v }]);
  const firstPage: Content[] = [
    ...logo(s, l.form),
    {
      text: s.companyName || s.ownerName,
      bold: true,
      fontSize: l.form === 'B' ? 14 : 12,
      absolutePosition: { x: LEFT * MM, y: (l.form === 'B' ? 15 : 10) * MM },
    },
    // Rücksendeangabe in the Zusatz- und Vermerkzone (8 pt, bottom line of the 17.7 mm zone).
    { text: sellerLine(s), fontSize: 7, absolutePosition: { x: 20 * MM + 2, y: (f.addressTop + 17.7 - 4.2) * MM } },
    {
      stack: addressLines(l.recipient).map((t) => ({ text: t })),
      fontSize: 10,
      lineHeight: 1.05,
      absolutePosition: { x: 20 * MM + 2, y: (f.addressTop + 17.7 + 1) * MM },
    },
    {
      table: { widths: [30 * MM, 43 * MM], body: infoBody },
      layout: 'noBorders',
      fontSize: 8.5,
      absolutePosition: { x: 125 * MM, y: f.infoTop * MM },
    },
    // The flow starts two lines below the address field.
    { text: '', margin: [0, (f.bodyTop - TOP) * MM, 0, 0] },
  ];
  const carry = l.carry;
  return {
    pageSize: 'A4',
    pageMargins: [LEFT * MM, TOP * MM, RIGHT * MM, BOTTOM * MM],
    info: { title: l.subject, author: s.companyName || s.ownerName, subject: l.subject, creator: 'Portodesk', producer: 'Portodesk (pdfmake)', creationDate: l.createdAt } as TDocumentDefinitions['info'],
    defaultStyle: { font: 'Roboto', fontSize: 9.5, lineHeight: 1.15 },
    background: () => ({
      canvas: [
        ...f.folds.map((y) => ({ type: 'line' as const, x1: 4 * MM, y1: y * MM, x2: 9 * MM, y2: y * MM, lineWidth: 0.4, lineColor: '#888888' })),
        { type: 'line' as const, x1: 4 * MM, y1: 148.5 * MM, x2: 11 * MM, y2: 148.5 * MM, lineWidth: 0.4, lineColor: '#888888' },
      ],
    }),
    header: (page) =>
      page === 1
        ? { text: '' }
        : {
            margin: [LEFT * MM, 12 * MM, RIGHT * MM, 0],
            columns: [
              { text: `${l.runningTitle} · Seite ${page}`, fontSize: 8, color: '#444444' },
              { text: carry?.header.get(page) ?? '', fontSize: 8.5, bold: true, alignment: 'right' },
            ],
          },
    footer: (page: number, pages: number): Content => {
      const base = footer(s, s.invoiceFooter)(page, pages) as { stack: Content[]; margin: [number, number, number, number] };
      const c = carry?.footer.get(page);
      if (!c) return base;
      return { ...base, stack: [{ text: c, bold: true, fontSize: 8.5, alignment: 'right', margin: [0, -14, 0, 4] }, ...base.stack] } as Content;
    },
    content: [...firstPage, { text: l.title, fontSize: 14, bold: true, margin: [0, 0, 0, 6] }, ...l.body],
  };
}

/** Header/footer carry texts from the row→page mapping of an item table. */
export function carryTexts(rowPages: RowPages | null, rowAmounts: number[], fmt: (cents: number) => string): LetterInput['carry'] {
  if (!rowPages) return undefined;
  const footer = new Map<number, string>();
  const header = new Map<number, string>();
  const lastPage = Math.max(...rowPages.values());
  const firstPage = Math.min(...rowPages.values());
  for (let p = firstPage; p < lastPage; p++) {
    let sum = 0;
    rowAmounts.forEach((amt, i) => {
      if ((rowPages.get(i) ?? Infinity) <= p) sum += amt;
    });
    footer.set(p, `Übertrag: ${fmt(sum)}`);
    header.set(p + 1, `Übertrag von Seite ${p}: ${fmt(sum)}`);
  }
  return { footer, header };
}
