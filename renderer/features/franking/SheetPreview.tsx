import { useT } from '../../app/i18n';

/**
 * Where the stamps will land on the first sheet, drawn at the page format's true proportions
 * (look before you spend): used slots before the start position stay grey, new stamps are filled.
 */
export function SheetPreview({ widthMm, heightMm, labelsX, labelsY, start, count, names }: {
  widthMm: number; heightMm: number; labelsX: number; labelsY: number; start: number; count: number; names: string[];
}) {
  const t = useT();
  const perPage = labelsX * labelsY;
  const pages = Math.ceil((start - 1 + count) / perPage);
  const scale = 150 / Math.max(widthMm, heightMm);
  const w = widthMm * scale;
  const h = heightMm * scale;
  const cw = w / labelsX;
  const ch = h / labelsY;
  return (
    <figure className="fr-sheet" aria-label={t('franking.preview', { pages })} data-testid="franking-sheet">
      <svg width={w} height={h} viewBox={`0 0 ${w} ${h}`} role="img">
        <rect x={0} y={0} width={w} height={h} className="fr-sheet-page" />
        {Array.from({ length: perPage }, (_, i) => {
          const slot = i + 1;
          const used = slot < start;
          const stamp = slot >= start && slot - start < count;
          return (
            <g key={slot} data-testid={`franking-slot-${slot}`} data-state={used ? 'used' : stamp ? 'stamp' : 'free'}>
              <rect x={(i % labelsX) * cw + 1.5} y={Math.floor(i / labelsX) * ch + 1.5} width={cw - 3} height={ch - 3} className={`fr-slot fr-slot-${used ? 'used' : stamp ? 'stamp' : 'free'}`} />
              {stamp && (
                <text x={(i % labelsX) * cw + 4} y={Math.floor(i / labelsX) * ch + Math.min(12, ch / 2)} className="fr-slot-text">
                  {names[slot - start]?.slice(0, Math.max(4, Math.floor(cw / 5)))}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption className="muted">{t('franking.preview', { pages })}</figcaption>
    </figure>
  );
}
