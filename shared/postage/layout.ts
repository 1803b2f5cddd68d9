/**
 * Where each stamp goes on a page format: 1-based label column/row/page, filled row-major
 * (column first, then row), starting at a position the seller picks on a partly used sheet.
 */
export type LabelGrid = { labelX: number; labelY: number };
export type LabelPosition = { labelX: number; labelY: number; page: number };

export function labelPositions(grid: LabelGrid, count: number, start = 1): LabelPosition[] {
  const perPage = grid.labelX * grid.labelY;
  if (start < 1 || start > perPage) throw new RangeError(`Startposition ${start} liegt nicht zwischen 1 und ${perPage}`);
  const out: LabelPosition[] = [];
  for (let i = 0; i < count; i++) {
    const slot = start - 1 + i;
    const onPage = slot % perPage;
    out.push({ labelX: (onPage % grid.labelX) + 1, labelY: Math.floor(onPage / grid.labelX) + 1, page: Math.floor(slot / perPage) + 1 });
  }
  return out;
}
