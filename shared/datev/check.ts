import { BUCHUNGSSTAPEL_COLUMNS, COL, HEADER_FIELD_COUNT, MAX_ROWS } from './columns';
import { DEBTOR_RANGE, REVENUE_RANGE, type Chart } from './accounts';

export type DatevProblem = { line: number; field: string; message: string };
export type DatevCheck = { ok: boolean; problems: DatevProblem[]; rows: number; sollCents: number; habenCents: number };

/** Splits one CSV line on ';' honouring "quoted" fields with doubled quotes. Returns raw values (unquoted). */
export function splitDatevLine(line: string): { value: string; quoted: boolean }[] {
  const out: { value: string; quoted: boolean }[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let v = '';
      i++;
      for (;;) {
        if (i >= line.length) throw new Error('Anführungszeichen nicht geschlossen');
        if (line[i] === '"') {
          if (line[i + 1] === '"') {
            v += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        v += line[i++];
      }
      out.push({ value: v, quoted: true });
      if (i < line.length && line[i] !== ';') throw new Error(`Zeichen nach schließendem Anführungszeichen an Position ${i + 1}`);
      i++;
    } else {
      const j = line.indexOf(';', i);
      const end = j === -1 ? line.length : j;
      out.push({ value: line.slice(i, end), quoted: false });
      i = end + 1;
    }
  }
  return out;
}

const validDate = (y: number, m: number, d: number) => {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
};
const ymdOk = (v: string) => /^\d{8}$/.test(v) && validDate(+v.slice(0, 4), +v.slice(4, 6), +v.slice(6, 8));
const toIso = (v: string) => `${v.slice(0, 4)}-${v.slice(4, 6)}-${v.slice(6, 8)}`;

/**
 * The app's own check of an EXTF Buchungsstapel before it is handed to the accountant: header fields,
 * column count, number and date formats, account ranges, and the S/H sums. Works on the decoded text.
 */
export function checkExtf(text: string): DatevCheck {
  const problems: DatevProblem[] = [];
  const p = (line: number, field: string, message: string) => problems.push({ line, field, message });
  let sollCents = 0;
  let habenCents = 0;
  if (/\r(?!\n)|(?<!\r)\n/.test(text)) p(0, 'Zeilenende', 'Jede Zeile muss mit CR LF enden.');
  if (!text.endsWith('\r\n')) p(0, 'Zeilenende', 'Die letzte Zeile muss mit CR LF enden.');
  const lines = text.replace(/^\uFEFF/, '').split('\r\n');
  if (lines[lines.length - 1] === '') lines.pop();
  if (lines.length < 2) {
    p(1, 'Datei', 'Kopfzeile und Spaltenüberschriften fehlen.');
    return { ok: false, problems, rows: 0, sollCents, habenCents };
  }

  // Line 1: header
  let h: string[] = [];
  try {
    h = splitDatevLine(lines[0]!).map((f) => f.value);
  } catch (e) {
    p(1, 'Kopfzeile', (e as Error).message);
  }
  if (h.length !== HEADER_FIELD_COUNT) p(1, 'Kopfzeile', `${HEADER_FIELD_COUNT} Felder erwartet, ${h.length} gefunden.`);
  const hv = (n: number) => h[n - 1] ?? '';
  if (hv(1) !== 'EXTF') p(1, 'Feld 1 Kennzeichen', `„EXTF“ erwartet, nicht „${hv(1)}“.`);
  if (hv(2) !== '700') p(1, 'Feld 2 Versionsnummer', `700 erwartet, nicht „${hv(2)}“.`);
  if (hv(3) !== '21') p(1, 'Feld 3 Formatkategorie', `21 (Buchungsstapel) erwartet, nicht „${hv(3)}“.`);
  if (hv(4) !== 'Buchungsstapel') p(1, 'Feld 4 Formatname', `„Buchungsstapel“ erwartet, nicht „${hv(4)}“.`);
  if (hv(5) !== '13') p(1, 'Feld 5 Formatversion', `13 erwartet, nicht „${hv(5)}“.`);
  if (!/^\d{17}$/.test(hv(6))) p(1, 'Feld 6 Erzeugt am', `JJJJMMTTHHMMSSFFF (17 Ziffern) erwartet, nicht „${hv(6)}“.`);
  const berater = Number(hv(11));
  if (!/^\d+$/.test(hv(11)) || berater < 1001 || berater > 9999999) p(1, 'Feld 11 Beraternummer', `1001–9999999 erwartet, nicht „${hv(11)}“.`);
  const mandant = Number(hv(12));
  if (!/^\d+$/.test(hv(12)) || mandant < 1 || mandant > 99999) p(1, 'Feld 12 Mandantennummer', `1–99999 erwartet, nicht „${hv(12)}“.`);
  if (!ymdOk(hv(13))) p(1, 'Feld 13 WJ-Beginn', `Datum JJJJMMTT erwartet, nicht „${hv(13)}“.`);
  const sachLen = Number(hv(14));
  if (!/^[4-8]$/.test(hv(14))) p(1, 'Feld 14 Sachkontenlänge', `4–8 erwartet, nicht „${hv(14)}“.`);
  if (!ymdOk(hv(15))) p(1, 'Feld 15 Datum vom', `Datum JJJJMMTT erwartet, nicht „${hv(15)}“.`);
  if (!ymdOk(hv(16))) p(1, 'Feld 16 Datum bis', `Datum JJJJMMTT erwartet, nicht „${hv(16)}“.`);
  if (ymdOk(hv(13)) && ymdOk(hv(15)) && ymdOk(hv(16))) {
    const wj = hv(13);
    const wjEnd = `${Number(wj.slice(0, 4)) + 1}${wj.slice(4)}`;
    if (hv(15) < wj || hv(16) >= wjEnd) p(1, 'Feld 15/16 Zeitraum', 'Der Zeitraum muss im Wirtschaftsjahr liegen (Belegdatum hat kein Jahr).');
    if (hv(15) > hv(16)) p(1, 'Feld 15/16 Zeitraum', '„Datum vom“ liegt nach „Datum bis“.');
  }
  if (hv(17).length > 30) p(1, 'Feld 17 Bezeichnung', 'Höchstens 30 Zeichen.');
  if (!['1', '2'].includes(hv(19))) p(1, 'Feld 19 Buchungstyp', `1 oder 2 erwartet, nicht „${hv(19)}“.`);
  if (!['0', '1'].includes(hv(21))) p(1, 'Feld 21 Festschreibung', `0 oder 1 erwartet, nicht „${hv(21)}“.`);
  if (hv(22) !== 'EUR') p(1, 'Feld 22 WKZ', `„EUR“ erwartet, nicht „${hv(22)}“.`);
  const chart: Chart | null = hv(27) === '03' ? 'SKR03' : hv(27) === '04' ? 'SKR04' : null;
  if (!chart) p(1, 'Feld 27 Sachkontenrahmen', `„03“ oder „04“ erwartet, nicht „${hv(27)}“.`);

  // Line 2: column headings
  const heads = lines[1]!.split(';');
  if (heads.length !== BUCHUNGSSTAPEL_COLUMNS.length) p(2, 'Spaltenüberschriften', `${BUCHUNGSSTAPEL_COLUMNS.length} Spalten erwartet, ${heads.length} gefunden.`);
  else if (heads[0] !== BUCHUNGSSTAPEL_COLUMNS[0]) p(2, 'Spaltenüberschriften', `Erste Spalte „${BUCHUNGSSTAPEL_COLUMNS[0]}“ erwartet.`);

  const rows = lines.length - 2;
  if (rows > MAX_ROWS) p(0, 'Datei', `Höchstens ${MAX_ROWS} Buchungen je Datei, ${rows} gefunden.`);
  const name = (c: number) => `Feld ${c} ${BUCHUNGSSTAPEL_COLUMNS[c - 1]}`;
  const [rMin, rMax] = chart ? REVENUE_RANGE[chart] : [0, 0];
  const from = ymdOk(hv(15)) ? toIso(hv(15)) : '';
  const to = ymdOk(hv(16)) ? toIso(hv(16)) : '';

  for (let i = 2; i < lines.length; i++) {
    const ln = i + 1;
    let f: { value: string; quoted: boolean }[];
    try {
      f = splitDatevLine(lines[i]!);
    } catch (e) {
      p(ln, 'Zeile', (e as Error).message);
      continue;
    }
    if (f.length !== BUCHUNGSSTAPEL_COLUMNS.length) {
      p(ln, 'Zeile', `${BUCHUNGSSTAPEL_COLUMNS.length} Felder erwartet, ${f.length} gefunden.`);
      continue;
    }
    const v = (c: number) => f[c - 1]!.value;
    const umsatz = v(COL.umsatz);
    let cents = 0;
    if (!/^\d{1,10},\d{2}$/.test(umsatz)) p(ln, name(COL.umsatz), `Betrag wie 123,45 (positiv, Dezimalkomma) erwartet, nicht „${umsatz}“.`);
    else {
      cents = Number(umsatz.replace(',', ''));
      if (cents === 0) p(ln, name(COL.umsatz), 'Betrag 0,00 ist nicht zulässig.');
    }
    const sh = v(COL.sollHaben);
    if (sh === 'S') sollCents += cents;
    else if (sh === 'H') habenCents += cents;
    else p(ln, name(COL.sollHaben), `„S“ oder „H“ erwartet, nicht „${sh}“.`);
    if (v(COL.wkz) !== '' && v(COL.wkz) !== 'EUR') p(ln, name(COL.wkz), `„EUR“ erwartet, nicht „${v(COL.wkz)}“.`);
    const konto = v(COL.konto);
    const kontoLen = (Number.isFinite(sachLen) ? sachLen : 4) + 1;
    if (!/^\d+$/.test(konto) || konto.length !== kontoLen || +konto < DEBTOR_RANGE[0] || +konto > DEBTOR_RANGE[1]) {
      p(ln, name(COL.konto), `Debitorenkonto ${DEBTOR_RANGE[0]}–${DEBTOR_RANGE[1]} (${kontoLen} Stellen) erwartet, nicht „${konto}“.`);
    }
    const gk = v(COL.gegenkonto);
    if (!/^\d+$/.test(gk) || gk.length !== (Number.isFinite(sachLen) ? sachLen : 4) || (chart && (+gk < rMin || +gk > rMax))) {
      p(ln, name(COL.gegenkonto), `Erlöskonto ${rMin}–${rMax} erwartet, nicht „${gk}“.`);
    }
    if (!/^\d{0,4}$/.test(v(COL.bu))) p(ln, name(COL.bu), `Bis zu 4 Ziffern erwartet, nicht „${v(COL.bu)}“.`);
    const bd = v(COL.belegdatum);
    if (!/^\d{4}$/.test(bd)) p(ln, name(COL.belegdatum), `TTMM erwartet, nicht „${bd}“.`);
    else if (from && to) {
      const year = Number(from.slice(0, 4));
      const cands = [year, year + 1].map((y) => `${y}-${bd.slice(2)}-${bd.slice(0, 2)}`);
      if (!cands.some((d) => validDate(+d.slice(0, 4), +d.slice(5, 7), +d.slice(8)) && d >= from && d <= to)) {
        p(ln, name(COL.belegdatum), `Belegdatum ${bd} liegt nicht im Zeitraum ${from} bis ${to}.`);
      }
    }
    if (!/^[A-Za-z0-9$&%*+\-/]{1,36}$/.test(v(COL.belegfeld1))) p(ln, name(COL.belegfeld1), `1–36 Zeichen aus a-z A-Z 0-9 $&%*+-/ erwartet, nicht „${v(COL.belegfeld1)}“.`);
    if (v(COL.belegfeld2).length > 12) p(ln, name(COL.belegfeld2), 'Höchstens 12 Zeichen.');
    if (v(COL.buchungstext).length > 60) p(ln, name(COL.buchungstext), 'Höchstens 60 Zeichen.');
    if (v(COL.euLand).length > 15) p(ln, name(COL.euLand), 'Höchstens 15 Zeichen.');
    if (v(COL.euSteuersatz) !== '' && !/^\d{1,2},\d{2}$/.test(v(COL.euSteuersatz))) p(ln, name(COL.euSteuersatz), `Steuersatz wie 20,00 erwartet, nicht „${v(COL.euSteuersatz)}“.`);
    if (v(COL.euSteuersatz) !== '' && v(COL.euLand) === '') p(ln, name(COL.euLand), 'Zum EU-Steuersatz gehört das EU-Land.');
    const ld = v(COL.leistungsdatum);
    if (ld !== '' && !(/^\d{8}$/.test(ld) && validDate(+ld.slice(4), +ld.slice(2, 4), +ld.slice(0, 2)))) p(ln, name(COL.leistungsdatum), `TTMMJJJJ erwartet, nicht „${ld}“.`);
    for (const [c, field] of f.entries()) {
      if (/[\r\n]/.test(field.value)) p(ln, name(c + 1), 'Zeilenumbrüche sind in Feldern nicht erlaubt.');
    }
  }
  return { ok: problems.length === 0, problems, rows, sollCents, habenCents };
}
