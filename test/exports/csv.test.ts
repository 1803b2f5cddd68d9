import { describe, expect, it } from 'vitest';
import { buildCsv, cents, int, neutralise, txt } from '../../main/services/exports/csv';

const decode = (b: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(b);

describe('CSV for German Excel', () => {
  it('starts with a UTF-8 BOM, separates with ; and ends lines with CR LF, amounts with a decimal comma', () => {
    const b = buildCsv(['Name', 'Brutto', 'Menge'], [[txt('Müller; Söhne'), cents(123456), int(2)], [txt('Erika'), cents(-995), int(null)]]);
    expect([...b.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(decode(b.slice(3))).toBe('Name;Brutto;Menge\r\n"Müller; Söhne";1234,56;2\r\nErika;-9,95;\r\n');
  });

  it('neutralises formulas in text cells (= + - @ tab CR), never in our own numbers', () => {
    expect(neutralise('=HYPERLINK("http://evil","x")')).toBe(`'=HYPERLINK("http://evil","x")`);
    for (const bad of ['+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) expect(neutralise(bad).startsWith("'")).toBe(true);
    expect(neutralise('Erika = nett')).toBe('Erika = nett');
    const b = decode(buildCsv(['a', 'b'], [[txt('=1+1'), cents(-100)]]).slice(3));
    expect(b).toBe("a;b\r\n'=1+1;-1,00\r\n");
  });

  it('quotes embedded quotes and flattens line breaks inside text', () => {
    expect(decode(buildCsv(['a'], [[txt('Er sagte "Hallo"\nund ging')]]).slice(3))).toBe('a\r\n"Er sagte ""Hallo"" und ging"\r\n');
  });
});
