import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Address } from '../../shared/domain/address';
import { recipientLines, senderLine } from '../../shared/labels/address-lines';
import { layoutLabel, paddingFor, PT_TO_MM } from '../../shared/labels/layout';
import { contentFrame, placeLabels } from '../../shared/labels/placement';
import { labelStockCatalogue, parseAdHocStock } from '../../shared/labels/stock';
import { helveticaMetrics } from '../../main/services/labels/render-pdf';
import { toPrintable } from '../../main/services/labels/label-content';
import { barcodeModules } from '../../main/services/labels/barcode';

const addr = (a: Partial<Address>) => Address.parse({ name: 'Erika Mustermann', street: 'Hauptstraße', houseNumber: '5a', zip: '10115', city: 'Berlin', country: 'DE', ...a });

describe('recipient block by Deutsche Post rules', () => {
  it('domestic: name, c/o, street and number, postcode and town; no country line', () => {
    const r = recipientLines(addr({ company: 'Feinkost Muster GmbH', careOf: 'Hausverwaltung Schulz' }), 'DE');
    expect(r.lines).toEqual(['Feinkost Muster GmbH', 'Erika Mustermann', 'c/o Hausverwaltung Schulz', 'Hauptstraße 5a', '10115 Berlin']);
    expect(r.warnings).toEqual([]);
    expect(recipientLines(addr({ careOf: 'C/O Meier' }), 'DE').lines[1]).toBe('C/O Meier');
  });

  it('Packstation and Postfiliale: PostNummer line, then "Packstation 123"', () => {
    expect(recipientLines(addr({ kind: 'packstation', street: 'Packstation', houseNumber: '123', postNumber: '12345678' }), 'DE').lines)
      .toEqual(['Erika Mustermann', '12345678', 'Packstation 123', '10115 Berlin']);
    expect(recipientLines(addr({ kind: 'postfiliale', street: 'Postfiliale', houseNumber: '502', postNumber: '87654321' }), 'DE').lines)
      .toEqual(['Erika Mustermann', '87654321', 'Postfiliale 502', '10115 Berlin']);
    const missing = recipientLines(addr({ kind: 'packstation', street: 'Packstation', houseNumber: '123' }), 'DE');
    expect(missing.warnings.map((w) => w.code)).toContain('packstation_without_postnummer');
  });

  it('international: town and country in capitals, country last; GB and US formats', () => {
    expect(recipientLines(addr({ name: 'Jean Dupont', street: 'Rue de Rivoli', houseNumber: '12', zip: '75001', city: 'Paris', country: 'FR' }), 'DE').lines)
      .toEqual(['Jean Dupont', 'Rue de Rivoli 12', '75001 PARIS', 'FRANKREICH']);
    expect(recipientLines(addr({ name: 'Jane Doe', street: 'Baker Street', houseNumber: '221b', zip: 'nw1 6xe', city: 'London', country: 'GB' }), 'DE').lines)
      .toEqual(['Jane Doe', 'Baker Street 221b', 'LONDON', 'NW1 6XE', 'VEREINIGTES KÖNIGREICH']);
    expect(recipientLines(addr({ name: 'John Doe', street: '5th Avenue', houseNumber: '1', zip: '10001', city: 'New York', state: 'NY', country: 'US' }), 'DE').lines.slice(-2))
      .toEqual(['NEW YORK NY 10001', 'VEREINIGTE STAATEN']);
    expect(recipientLines(addr({ city: 'Wien', zip: '1010', country: 'AT' }), 'DE').lines.at(-1)).toBe('ÖSTERREICH');
  });

  it('warns about what a carrier cannot deliver', () => {
    const codes = (a: Partial<Address>) => recipientLines(addr(a), 'DE').warnings.map((w) => w.code);
    expect(codes({ houseNumber: '' })).toContain('missing_house_number');
    expect(codes({ street: '', houseNumber: '' })).toContain('missing_street');
    expect(codes({ zip: '' })).toContain('missing_zip');
    expect(codes({ city: '' })).toContain('missing_city');
    expect(codes({ name: '' })).toContain('missing_name');
    expect(codes({ company: 'A GmbH', careOf: 'B', addition: 'Hinterhaus, 3. OG links', name: 'C D' }).length).toBe(0);
    expect(codes({ company: 'A GmbH', careOf: 'B', addition: 'Hinterhaus', name: 'C D', zip: '75001', city: 'Paris', country: 'FR' })).toContain('too_many_lines');
  });

  it('sender line: one line, country added for mail abroad', () => {
    const s = { name: 'Kiste & Karton', street: 'Lindenweg 3', zip: '04109', city: 'Leipzig', country: 'DE' };
    expect(senderLine(s, 'DE')).toBe('Kiste & Karton · Lindenweg 3 · 04109 Leipzig');
    expect(senderLine(s, 'FR')).toBe('Kiste & Karton · Lindenweg 3 · 04109 Leipzig · DEUTSCHLAND');
    expect(senderLine({ ...s, street: '', zip: '', city: '' }, 'DE')).toBe('');
  });
});

describe('layout: text shrinks to fit and never leaves the label', async () => {
  const font = await helveticaMetrics();
  const stocks = [...labelStockCatalogue, parseAdHocStock('40x25')!];

  it('property: for every stock and any address, all text and the barcode lie inside the label', () => {
    const word = fc.string({ minLength: 1, maxLength: 18, unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzäöüßABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-'.split('')) });
    const line = fc.array(word, { minLength: 1, maxLength: 6 }).map((ws) => ws.join(' '));
    fc.assert(
      fc.property(
        fc.constantFrom(...stocks),
        fc.array(line, { minLength: 2, maxLength: 8 }),
        fc.option(line, { nil: '' }),
        fc.constantFrom('none', 'code128', 'datamatrix'),
        (stock, recipient, sender, bc) => {
          const frame = contentFrame(stock);
          const l = layoutLabel({
            senderVariants: sender ? [sender] : [], recipient, wrappable: recipient.slice(0, 2), orderText: 'Auftrag 302-1234567-7654321',
            barcode: bc === 'none' ? null : barcodeModules(bc, '302-1234567-7654321'), widthMm: frame.widthMm, heightMm: frame.heightMm,
            endless: stock.kind === 'endless', measure: font.measure,
          });
          const pad = paddingFor(frame.widthMm, frame.heightMm);
          // every word is printed, in order; only the first two (name-like) lines may have been split
          const printed = l.texts.filter((t) => t.role === 'recipient').map((t) => t.text);
          expect(printed.join(' ')).toBe(recipient.join(' '));
          expect(printed.slice(printed.length - (recipient.length - 2))).toEqual(recipient.slice(2));
          for (const t of l.texts) {
            const w = font.measure(t.text, t.sizePt) * PT_TO_MM;
            expect(t.xMm).toBeGreaterThanOrEqual(pad - 1e-6);
            expect(t.xMm + w).toBeLessThanOrEqual(l.widthMm - pad + 1e-6);
            expect(t.yMm - t.sizePt * 0.75 * PT_TO_MM).toBeGreaterThanOrEqual(0);
            expect(t.yMm + t.sizePt * 0.25 * PT_TO_MM).toBeLessThanOrEqual(l.heightMm + 1e-6);
          }
          if (l.barcode) {
            expect(l.barcode.xMm).toBeGreaterThanOrEqual(0);
            expect(l.barcode.xMm + l.barcode.widthMm).toBeLessThanOrEqual(l.widthMm + 1e-6);
            expect(l.barcode.yMm + l.barcode.heightMm).toBeLessThanOrEqual(l.heightMm + 1e-6);
          }
          // Lines never overlap: baselines go down by at least one line of the recipient size.
          const rec = l.texts.filter((t) => t.role !== 'order');
          for (let i = 1; i < rec.length; i += 1) expect(rec[i]!.yMm).toBeGreaterThan(rec[i - 1]!.yMm);
          if (stock.kind === 'endless') expect(l.heightMm).toBeGreaterThanOrEqual(stock.heightMm);
          else expect(l.heightMm).toBe(frame.heightMm);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a short address keeps the machine-readable size (12 pt) on a large label and shrinks on a small one', () => {
    const big = layoutLabel({ senderVariants: [], recipient: ['Erika Mustermann', 'Hauptstraße 5a', '10115 Berlin'], orderText: '', barcode: null, widthMm: 101.6, heightMm: 152.4, measure: font.measure });
    expect(big.recipientPt).toBe(12);
    const small = layoutLabel({ senderVariants: [], recipient: ['Mustermann Feinkost und Delikatessen GmbH & Co. KG', 'Hauptstraße 5a', '10115 Berlin'], orderText: '', barcode: null, widthMm: 40, heightMm: 25, measure: font.measure });
    expect(small.recipientPt).toBeLessThan(8);
  });

  it('a long company name goes onto two lines rather than shrinking the whole address', () => {
    const recipient = ['Mustermann Feinkost und Delikatessen GmbH & Co. KG', 'Erika Mustermann', 'Hauptstraße 5a', '10115 Berlin'];
    const base = { senderVariants: [], recipient, orderText: '', barcode: null, widthMm: 62, heightMm: 30, endless: true, measure: font.measure };
    const flat = layoutLabel(base);
    const wrapped = layoutLabel({ ...base, wrappable: recipient.slice(0, 2) });
    expect(wrapped.recipientPt).toBeGreaterThan(flat.recipientPt + 1);
    const lines = wrapped.texts.filter((t) => t.role === 'recipient').map((t) => t.text);
    expect(lines.length).toBe(5);
    expect(lines.slice(-2)).toEqual(['Hauptstraße 5a', '10115 Berlin']);
  });

  it('endless tape grows with the number of lines', () => {
    const base = { senderVariants: [], orderText: '', barcode: null, widthMm: 62, heightMm: 30, endless: true, measure: font.measure };
    const short = layoutLabel({ ...base, recipient: ['A B', 'Weg 1', '12345 Ort'] });
    const long = layoutLabel({ ...base, recipient: ['A B', 'C GmbH', 'c/o D', 'Weg 1', 'Hinterhaus', '12345 Ort'] });
    expect(long.heightMm).toBeGreaterThan(short.heightMm);
  });
});

describe('sheets and placement', () => {
  const s3475 = labelStockCatalogue.find((s) => s.id === 'zweckform-3475')!;
  it('a start position fills the rest of the first sheet, then starts the next at cell 1', () => {
    const pages = placeLabels(s3475, 4, { startPosition: 23 });
    expect(pages.map((p) => p.cells.map((c) => c.position))).toEqual([[23, 24], [1, 2]]);
    expect(pages[0]!.cells[0]).toMatchObject({ xMm: 70, yMm: 4.5 + 7 * 36 });
  });
  it('every catalogue sheet fits on A4', () => {
    for (const s of labelStockCatalogue.filter((x) => x.sheet)) {
      const g = s.sheet!;
      expect(g.marginLeftMm + g.columns * s.widthMm + (g.columns - 1) * g.gapXMm).toBeLessThanOrEqual(210.01);
      expect(g.marginTopMm + g.rows * s.heightMm + (g.rows - 1) * g.gapYMm).toBeLessThanOrEqual(297.01);
    }
  });
  it('landscape roll stock turns the content frame', () => {
    const dymo = labelStockCatalogue.find((s) => s.id === 'dymo-99014')!;
    expect(contentFrame(dymo)).toEqual({ widthMm: 101, heightMm: 54, rotated: true });
    expect(parseAdHocStock('70x40:quer')).toMatchObject({ widthMm: 70, heightMm: 40, orientation: 'landscape' });
    expect(parseAdHocStock('Etiketten')).toBeNull();
  });
});

describe('characters the PDF font cannot print', async () => {
  const font = await helveticaMetrics();
  it('keeps German letters and replaces others by their base letter', () => {
    expect(toPrintable('Müller Straße', font)).toEqual({ text: 'Müller Straße', replaced: false });
    expect(toPrintable('Łódź Dvořák', font)).toEqual({ text: 'Lódz Dvorák', replaced: true });
    expect(toPrintable('東京', font).text).toBe('??');
  });
});

describe('printer media check', async () => {
  const { printerSupportsSize } = await import('../../shared/labels/media');
  it('recognises CUPS custom sizes, DYMO point names, IPP and Windows names', () => {
    expect(printerSupportsSize(['A4', 'Letter', 'Custom.WIDTHxHEIGHT'], { width: 54, height: 101 })).toBe(true);
    expect(printerSupportsSize(['w154h286', 'w167h288'], { width: 54, height: 101 })).toBe(true);
    expect(printerSupportsSize(['na_index-4x6_4x6in', 'oe_2.25x4-label_2.25x4in'], { width: 101.6, height: 152.4 })).toBe(true);
    expect(printerSupportsSize(['62 x 100 mm', 'A4'], { width: 62, height: 100 })).toBe(true);
    expect(printerSupportsSize(['A4', 'Letter', 'Legal'], { width: 62, height: 100 })).toBe(false);
    expect(printerSupportsSize(['A4', 'Letter'], { width: 210, height: 297 })).toBe(true);
    expect(printerSupportsSize([], { width: 62, height: 100 })).toBeNull();
  });
});
