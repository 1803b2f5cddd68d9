import { describe, expect, it } from 'vitest';
import { splitStreet } from '../../shared/address/street';
import { parseAddress } from '../../shared/address/parse';
import { addressWarnings, labelLines } from '../../shared/address/warnings';
import { countryCode } from '../../shared/address/countries';
import { postcodeFitsCountry } from '../../shared/address/postcode';
import { Address } from '../../shared/domain/address';

describe('street and house number split', () => {
  it.each([
    ['Hauptstr. 5a', 'Hauptstr.', '5a', ''],
    ['Straße des 17. Juni 114', 'Straße des 17. Juni', '114', ''],
    ['Am Markt 1-3', 'Am Markt', '1-3', ''],
    ['5 Main Street', 'Main Street', '5', ''],
    ['Neuhof 13/15', 'Neuhof', '13/15', ''],
    ['D 6, 2', 'D 6', '2', ''],
    ['Apenrader Str. 16 / Whg. 3', 'Apenrader Str.', '16', 'Whg. 3'],
    ['Kirchengasse 7, 1. Stock Zi.Nr. 4', 'Kirchengasse', '7', '1. Stock Zi.Nr. 4'],
    ['Wiesentcenter, Bayreuther Str. 108, 2. Stock', 'Bayreuther Str.', '108', 'Wiesentcenter, 2. Stock'],
    ['Am Stein VIII', 'Am Stein', 'VIII', ''],
    ['Frauenplatz 14 A', 'Frauenplatz', '14 A', ''],
    ['Heinestr.13', 'Heinestr.', '13', ''],
    ['Pallaswiesenstr. 57 App. 235', 'Pallaswiesenstr.', '57', 'App. 235'],
    ['Chestnut Street 92', 'Chestnut Street', '92', ''],
  ])('%s', (line, street, houseNumber, addition) => {
    expect(splitStreet(line)).toEqual({ street, houseNumber, addition, ok: true });
  });
  it.each(['123', '#101', 'Marktplatz', ''])('has no house number: %j', (line) => {
    expect(splitStreet(line).ok).toBe(false);
  });
});

describe('free-text lines → address', () => {
  it('Packstation with the PostNummer in line 2', () => {
    const a = parseAddress({ name: 'Lena Paket', lines: ['Packstation 114', 'Postnummer 98765432'], zip: '80331', city: 'München', country: 'Deutschland' });
    expect(a).toMatchObject({ kind: 'packstation', street: 'Packstation', houseNumber: '114', postNumber: '98765432', country: 'DE', addition: '' });
    expect(labelLines(a)).toEqual(['Lena Paket', '98765432', 'Packstation 114', '80331 München']);
  });
  it('"<PostNummer> Packstation <Nr>" in one line (Amazon, M2E) and "DHL-Packstation"', () => {
    expect(parseAddress({ name: 'B', lines: ['12345678 Packstation 105'], zip: '20095', city: 'Hamburg', country: 'DE' })).toMatchObject({ kind: 'packstation', houseNumber: '105', postNumber: '12345678' });
    expect(parseAddress({ name: 'B', lines: ['DHL-Packstation 201'], zip: '30159', city: 'Hannover', country: 'DE' })).toMatchObject({ kind: 'packstation', houseNumber: '201', postNumber: '' });
  });
  it('PostNummer typed into the name line', () => {
    expect(parseAddress({ name: 'Anna Weg 7654321', lines: ['Packstation 310'], zip: '04109', city: 'Leipzig', country: 'DE' })).toMatchObject({ name: 'Anna Weg', postNumber: '7654321' });
  });
  it('Postfiliale with PostNummer', () => {
    expect(parseAddress({ name: 'S', lines: ['Postfiliale 502', 'PostNummer 12345678'], zip: '50667', city: 'Köln', country: 'DE' })).toMatchObject({ kind: 'postfiliale', street: 'Postfiliale', houseNumber: '502', postNumber: '12345678' });
  });
  it('c/o line and Adresszusatz are kept; a company line before the street becomes the company', () => {
    const a = parseAddress({ name: 'Max B', lines: ['c/o Holzwerk Sommer GmbH', 'Am Markt 1-3'], zip: '04109', city: 'Leipzig', country: 'DE' });
    expect(a).toMatchObject({ careOf: 'c/o Holzwerk Sommer GmbH', street: 'Am Markt', houseNumber: '1-3' });
    const b = parseAddress({ name: 'Dörte M', lines: ['Müller & Söhne GmbH', 'Industriestr. 9', 'Wareneingang Tor 2'], zip: '33602', city: 'Bielefeld', country: 'DE' });
    expect(b).toMatchObject({ company: 'Müller & Söhne GmbH', street: 'Industriestr.', houseNumber: '9', addition: 'Wareneingang Tor 2' });
    const c = parseAddress({ name: 'Erika Muster c/o Nachbar Kraus', lines: ['Rosenweg 2'], zip: '10115', city: 'Berlin', country: 'DE' });
    expect(c).toMatchObject({ name: 'Erika Muster', careOf: 'c/o Nachbar Kraus' });
  });
  it('country names, alpha-3 and typos become ISO alpha-2', () => {
    expect(['Deutschland', 'Germany', 'DEU', 'de', 'Österreich', 'United States', 'Canaada', 'UK'].map(countryCode)).toEqual(['DE', 'DE', 'DE', 'DE', 'AT', 'US', 'CA', 'GB']);
    expect(countryCode('Atlantis')).toBeNull();
    expect(() => parseAddress({ name: 'x', lines: [], zip: '', city: '', country: 'Atlantis' })).toThrow(/Unbekanntes Land/);
  });
});

describe('address warnings', () => {
  const base = Address.parse({ name: 'Erika Musterfrau', street: 'Hauptstr.', houseNumber: '5a', zip: '10115', city: 'Berlin', country: 'DE' });
  it('a clean German address has none', () => expect(addressWarnings(base)).toEqual([]));
  it('missing house number, postcode not matching the country, line too long', () => {
    const codes = addressWarnings({ ...base, houseNumber: '', zip: '1067', name: 'X'.repeat(51) }).map((w) => w.code);
    expect(codes).toEqual(expect.arrayContaining(['missing_house_number', 'zip_country_mismatch', 'line_too_long']));
  });
  it('Packstation without PostNummer, and the eIS hub', () => {
    expect(addressWarnings({ ...base, kind: 'packstation', street: 'Packstation', houseNumber: '114' }).map((w) => w.code)).toContain('packstation_without_postnummer');
    expect(addressWarnings({ ...base, name: 'eIS C/O Hans Muster', country: 'US', zip: '41025-2501' }).map((w) => w.code)).toEqual(['international_hub']);
  });
  it('postcodes per country', () => {
    expect([postcodeFitsCountry('01067', 'DE'), postcodeFitsCountry('1060', 'AT'), postcodeFitsCountry('1017 AB', 'NL'), postcodeFitsCountry('62701-1805', 'US'), postcodeFitsCountry('N2L 6C2', 'CA')]).toEqual([true, true, true, true, true]);
    expect([postcodeFitsCountry('1067', 'DE'), postcodeFitsCountry('10115', 'AT')]).toEqual([false, false]);
  });
  it('label lines write the number first where the country does', () => {
    expect(labelLines(Address.parse({ name: 'John', street: 'Main Street', houseNumber: '5', zip: '62701', city: 'Springfield', country: 'US' }))).toContain('5 Main Street');
  });
});
