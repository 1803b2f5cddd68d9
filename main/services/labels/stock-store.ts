import type { AppCore } from '../../app/core';
import { deleteCustomStock, listCustomStock, saveCustomStock } from '../../db/repos/labels';
import { AppError } from '../../../shared/errors';
import { LabelStock, labelStockCatalogue, parseAdHocStock, sheetProblems, type LabelStockInput } from '../../../shared/labels/stock';

/** The catalogue plus the seller's own stock; "70x40" style names give a one-off size. */
export function createStockStore(core: AppCore) {
  const custom = (): LabelStock[] =>
    listCustomStock(core.db).flatMap((d) => {
      const r = LabelStock.safeParse(d);
      return r.success ? [r.data] : [];
    });
  const all = (): LabelStock[] => [...labelStockCatalogue, ...custom()];
  return {
    all,
    resolve(id: string): LabelStock {
      const key = id.trim().toLowerCase();
      const found = all().find((s) => s.id === key) ?? parseAdHocStock(id);
      if (!found) {
        throw new AppError('UNKNOWN_STOCK', `Unbekanntes Etikettenformat „${id}“. Bekannt sind: ${all().map((s) => s.id).join(', ')} – oder eine Größe wie „70x40“ (mm).`);
      }
      return found;
    },
    save(input: Omit<LabelStockInput, 'source'>): LabelStock {
      const r = LabelStock.safeParse({ ...input, source: 'custom' });
      if (!r.success) throw new AppError('VALIDATION', r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
      const stock = r.data;
      if (labelStockCatalogue.some((s) => s.id === stock.id)) throw new AppError('VALIDATION', `id: „${stock.id}“ ist ein eingebautes Format; bitte eine andere Kennung wählen`);
      if (stock.kind === 'sheet' && !stock.sheet) throw new AppError('VALIDATION', 'sheet: Für Bogen-Etiketten fehlt die Aufteilung (Spalten, Zeilen, Ränder)');
      if (stock.kind !== 'sheet' && stock.sheet) throw new AppError('VALIDATION', 'sheet: Nur Bogen-Etiketten haben eine Aufteilung');
      const problems = sheetProblems(stock);
      if (problems.length) throw new AppError('VALIDATION', `sheet: ${problems.join('; ')}`);
      saveCustomStock(core.db, stock.id, stock, core.nowIso());
      return stock;
    },
    delete(id: string): boolean {
      return deleteCustomStock(core.db, id);
    },
  };
}
export type StockStore = ReturnType<typeof createStockStore>;
