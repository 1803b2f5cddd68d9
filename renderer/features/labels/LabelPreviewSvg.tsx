import type { LabelPreview } from '../../../shared/ipc/channels/labels';
import { PT_TO_MM } from '../../../shared/labels/layout';

type Layout = LabelPreview['layouts'][number];
type Page = LabelPreview['pages'][number];

function LabelContent({ layout }: { layout: Layout }) {
  const bc = layout.barcode;
  return (
    <>
      {layout.texts.map((t, i) => (
        <text key={i} x={t.xMm} y={t.yMm} fontSize={t.sizePt * PT_TO_MM} fontFamily="Helvetica, Arial, sans-serif" fill="#000" data-role={t.role}>
          {t.text}
        </text>
      ))}
      {bc && (
        <g transform={`translate(${bc.xMm} ${bc.yMm}) scale(${bc.widthMm / bc.modules.cols} ${bc.heightMm / bc.modules.rows})`} shapeRendering="crispEdges" fill="#000" data-testid="labels-preview-barcode">
          {bc.modules.rects.map(([x, y, w, h], i) => (
            <rect key={i} x={x} y={y} width={w} height={h} />
          ))}
        </g>
      )}
    </>
  );
}

/**
 * The first page(s) of a label print, drawn in millimetres at true proportions: the same layout
 * main renders into the PDF, so what the seller sees is what the printer gets.
 */
export function LabelPreviewSvg({ preview, maxWidthPx = 520, maxHeightPx = 380 }: { preview: LabelPreview; maxWidthPx?: number; maxHeightPx?: number }) {
  const pages: Page[] = preview.pages;
  if (!pages.length) return null;
  const widest = Math.max(...pages.map((p) => p.widthMm));
  const tallest = Math.max(...pages.map((p) => p.heightMm));
  // One scale for all pages, so sizes compare truly.
  const scale = Math.min(maxWidthPx / widest, maxHeightPx / tallest, 6);
  let n = 0;
  return (
    <div className="labels-preview" data-testid="labels-preview">
      {pages.map((p, pi) => (
        <svg
          key={pi}
          className="labels-preview-page"
          width={p.widthMm * scale}
          height={p.heightMm * scale}
          viewBox={`0 0 ${p.widthMm} ${p.heightMm}`}
          role="img"
          aria-label={`${p.widthMm.toLocaleString('de-DE')} × ${p.heightMm.toLocaleString('de-DE')} mm`}
          data-width-mm={p.widthMm}
          data-height-mm={p.heightMm}
        >
          <rect x={0} y={0} width={p.widthMm} height={p.heightMm} fill="#fff" />
          {p.cells.map((c, ci) => {
            const layout = preview.layouts[n++];
            const transform = c.rotated ? `matrix(0 1 -1 0 ${c.xMm + c.widthMm} ${c.yMm})` : `translate(${c.xMm} ${c.yMm})`;
            return (
              <g key={ci} data-position={c.position ?? undefined}>
                {preview.stock.sheet && <rect x={c.xMm} y={c.yMm} width={c.widthMm} height={c.heightMm} fill="none" stroke="#9aa3ad" strokeWidth={0.3} strokeDasharray="1 1" />}
                {layout && <g transform={transform}>{<LabelContent layout={layout} />}</g>}
              </g>
            );
          })}
        </svg>
      ))}
    </div>
  );
}
