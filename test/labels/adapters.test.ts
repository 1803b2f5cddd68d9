import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { cupsMedia, lpArgs, parseMedia, parseOption } from '../../main/adapters/cups-printer';
import { matchPaperSize } from '../../main/adapters/windows-printer';
import { createSystemPrinter } from '../../main/adapters/system-printer';
import { MemoryLogger } from '../fakes/ports';

describe('CUPS adapter', () => {
  it('asks for the exact media at 100 %, A4 by name', () => {
    expect(cupsMedia({ width: 54, height: 101 })).toBe('Custom.54x101mm');
    expect(cupsMedia({ width: 101.6, height: 152.4 })).toBe('Custom.101.6x152.4mm');
    expect(cupsMedia({ width: 210, height: 297 })).toBe('A4');
    const args = lpArgs({ printer: 'Brother_QL', pdf: new Uint8Array(), title: 'Etiketten; rm -rf /', pageSizeMm: { width: 62, height: 100 }, copies: 2 }, '/tmp/x.pdf');
    expect(args).toEqual(['-d', 'Brother_QL', '-t', 'Etiketten; rm -rf /', '-n', '2', '-o', 'media=Custom.62x100mm', '-o', 'print-scaling=none', '-o', 'fit-to-page=false', '/tmp/x.pdf']);
  });
  it('reads media and description from lpoptions', () => {
    expect(parseMedia('PageSize/Media Size: Custom.WIDTHxHEIGHT *A4 w154h286\nResolution/Output Resolution: *300dpi')).toEqual(['Custom.WIDTHxHEIGHT', 'A4', 'w154h286']);
    expect(parseOption("copies=1 printer-info='Brother QL-800 (Büro)' printer-location", 'printer-info')).toBe('Brother QL-800 (Büro)');
    expect(parseOption('printer-make-and-model=DYMO device-uri=usb://x', 'printer-make-and-model')).toBe('DYMO');
  });
  it('PORTODESK_PRINTER=none turns printing off; with CUPS installed a CUPS port is made', () => {
    expect(createSystemPrinter(new MemoryLogger(), 'linux', { PORTODESK_PRINTER: 'none', PATH: process.env.PATH })).toBeNull();
    const port = createSystemPrinter(new MemoryLogger(), 'linux', { PATH: process.env.PATH });
    if (existsSync('/usr/bin/lp')) expect(typeof port?.jobState).toBe('function');
  });
});

describe('Windows adapter', () => {
  it('finds the driver paper by size, in mm or inches, either orientation', () => {
    const papers = ['Letter', 'A4', '30256 Shipping', '99014 Shipping Label (54 mm x 101 mm)', '4 x 6 in', '62mm x 100mm'];
    expect(matchPaperSize(papers, { width: 54, height: 101 })).toBe('99014 Shipping Label (54 mm x 101 mm)');
    expect(matchPaperSize(papers, { width: 101.6, height: 152.4 })).toBe('4 x 6 in');
    expect(matchPaperSize(papers, { width: 100, height: 62 })).toBe('62mm x 100mm');
    expect(matchPaperSize(papers, { width: 210, height: 297 })).toBe('A4');
    expect(matchPaperSize(papers, { width: 70, height: 36 })).toBeUndefined();
  });
});

describe('Windows adapter wiring', () => {
  it('loads pdf-to-printer (CommonJS) from ESM and refuses an unknown printer by name', async () => {
    const { createWindowsPrinter } = await import('../../main/adapters/windows-printer');
    const fake = { getPrinters: async () => [{ deviceId: 'x', name: 'DYMO LabelWriter 450', paperSizes: ['99014 Shipping'] }], getDefaultPrinter: async () => null, print: async () => undefined };
    const port = createWindowsPrinter(new MemoryLogger(), async () => fake as never);
    expect(await port.list()).toEqual([{ name: 'DYMO LabelWriter 450', description: 'DYMO LabelWriter 450', isDefault: false, media: ['99014 Shipping'] }]);
    await expect(port.print({ printer: 'Gibt es nicht', pdf: new Uint8Array([1]), title: 't', pageSizeMm: { width: 54, height: 101 } })).rejects.toMatchObject({ code: 'PRINT_FAILED' });
    const real = await import('pdf-to-printer');
    expect(typeof ((real as { default?: { print?: unknown } }).default?.print ?? (real as { print?: unknown }).print)).toBe('function');
  });
});
