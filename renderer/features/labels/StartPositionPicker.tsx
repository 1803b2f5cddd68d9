import type { LabelStock } from '../../../shared/labels/stock';
import { useT } from '../../app/i18n';

/** The sheet as a grid of buttons: the seller clicks the first free label of a part-used sheet. */
export function StartPositionPicker({ stock, value, onChange }: { stock: LabelStock; value: number; onChange(n: number): void }) {
  const t = useT();
  const s = stock.sheet;
  if (!s) return null;
  const cell = 150 / Math.max(s.pageWidthMm, 1);
  return (
    <fieldset className="labels-start">
      <legend>{t('labels.start')}</legend>
      <div className="labels-start-grid" style={{ gridTemplateColumns: `repeat(${s.columns}, ${Math.round(stock.widthMm * cell)}px)`, gridAutoRows: `${Math.max(12, Math.round(stock.heightMm * cell))}px` }}>
        {Array.from({ length: s.columns * s.rows }, (_, i) => i + 1).map((n) => (
          <button
            key={n}
            type="button"
            className={n < value ? 'used' : n === value ? 'first' : ''}
            aria-pressed={n === value}
            aria-label={t('labels.start.cell', { n })}
            title={t('labels.start.cell', { n })}
            data-testid={`labels-start-${n}`}
            onClick={() => onChange(n)}
          >
            {n}
          </button>
        ))}
      </div>
      <p className="muted">{t('labels.start.hint')}</p>
    </fieldset>
  );
}
