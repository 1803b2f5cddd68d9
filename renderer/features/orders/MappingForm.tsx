import { useEffect, useState } from 'react';
import { useT } from '../../app/i18n';
import { call } from '../../ipc/client';
import { GENERIC_FIELDS, GENERIC_REQUIRED, type GenericField } from '../../../shared/orders/generic-fields';

/** First line of a CSV as header cells (quotes removed), with the delimiter that splits it best. */
function headerOf(text: string): { cells: string[]; delimiter: ';' | ',' | '\t' } {
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n/).find((l) => l.trim()) ?? '';
  const delimiter = (['\t', ';', ','] as const).reduce((best, d) => (first.split(d).length > first.split(best).length ? d : best), ',' as ';' | ',' | '\t');
  return { cells: first.split(delimiter).map((c) => c.trim().replace(/^"|"$/g, '').replace(/""/g, '"')), delimiter };
}

const GUESS: [GenericField, RegExp][] = [
  ['externalId', /bestell|auftrag|order.?(id|nr|number)|^nr\.?$/i], ['orderDate', /datum|date/i], ['shipName', /empfänger|kunde|name/i],
  ['shipStreet', /stra(ss|ß)e|street|adresse ?1?$/i], ['shipZip', /plz|postleitzahl|zip|postcode/i], ['shipCity', /^ort|stadt|city/i],
  ['shipCountry', /land|country/i], ['itemTitle', /artikel(?!nr)|bezeichnung|produkt|item|title/i], ['itemQuantity', /menge|anzahl|qty|quantity/i],
  ['itemPrice', /preis|price/i], ['shipping', /porto|versand|shipping/i], ['total', /gesamt|summe|total/i], ['buyerEmail', /mail/i],
  ['trackingNumber', /sendungs|tracking/i], ['itemSku', /sku|artikelnr/i],
];

/** Generic CSV: the seller maps each order field to a column once; the mapping is saved by name. */
export function MappingForm({ file, onSaved, onCancel }: { file: File; onSaved(name: string): void; onCancel(): void }) {
  const t = useT();
  const [header, setHeader] = useState<{ cells: string[]; delimiter: ';' | ',' | '\t' } | null>(null);
  const [columns, setColumns] = useState<Partial<Record<GenericField, string>>>({});
  const [name, setName] = useState(file.name.replace(/\.[^.]+$/, ''));
  const [dateOrder, setDateOrder] = useState<'dmy' | 'mdy'>('dmy');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void file.slice(0, 16384).arrayBuffer().then((buf) => {
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
      } catch {
        text = new TextDecoder('windows-1252').decode(buf);
      }
      const h = headerOf(text);
      setHeader(h);
      const guessed: Partial<Record<GenericField, string>> = {};
      for (const [f, re] of GUESS) {
        const c = h.cells.find((x) => re.test(x) && !Object.values(guessed).includes(x));
        if (c) guessed[f] = c;
      }
      setColumns(guessed);
    });
  }, [file]);

  const save = async () => {
    if (GENERIC_REQUIRED.some((f) => !columns[f])) {
      setError(t('orders.mapping.missing'));
      return;
    }
    try {
      const cols = Object.fromEntries(Object.entries(columns).filter(([, v]) => v)) as Record<string, string>;
      await call('orders:mappings:save', { name, delimiter: header?.delimiter ?? 'auto', dateOrder, columns: cols });
      onSaved(name);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  if (!header) return <p>{t('common.loading')}</p>;
  return (
    <section className="mapping-form" data-testid="mapping-form">
      <h3>{t('orders.mapping.title', { file: file.name })}</h3>
      <p className="muted">{t('orders.mapping.hint')}</p>
      <div className="form-grid">
        <label className="field">
          <span>{t('orders.mapping.name')}</span>
          <input value={name} onChange={(e) => setName(e.target.value)} data-testid="mapping-name" />
        </label>
        <label className="field">
          <span>{t('orders.mapping.dateOrder')}</span>
          <select value={dateOrder} onChange={(e) => setDateOrder(e.target.value as 'dmy' | 'mdy')}>
            <option value="dmy">{t('orders.mapping.dmy')}</option>
            <option value="mdy">{t('orders.mapping.mdy')}</option>
          </select>
        </label>
        {GENERIC_FIELDS.map((f) => (
          <label key={f} className="field">
            <span>
              {t(`orders.field.${f}`)}
              {GENERIC_REQUIRED.includes(f) ? ` (${t('orders.mapping.required')})` : ''}
            </span>
            <select value={columns[f] ?? ''} onChange={(e) => setColumns({ ...columns, [f]: e.target.value || undefined })} data-testid={`mapping-${f}`}>
              <option value="">{t('orders.mapping.none')}</option>
              {header.cells.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      {error && <p className="error" role="alert">{error}</p>}
      <div className="form-actions">
        <button type="button" className="primary" onClick={() => void save()} data-testid="mapping-save">
          {t('orders.mapping.saveImport')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </section>
  );
}
