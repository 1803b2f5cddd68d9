import { AppError } from '../../../../shared/errors';
import { ebayCsv } from './ebay';
import { amazonTsv } from './amazon';
import { etsyCsv } from './etsy';
import { shopifyCsv, shopifyTransporter } from './shopify';
import { wooCsv, wooJson } from './woocommerce';
import { amazonSpApi } from './amazon-spapi';
import { shopifyJson } from './shopify-json';
import { genericCsv } from './generic';
import { decodeBytes } from './text';
import type { ImportFormat, SourceFile } from './types';

/** Every format Portodesk reads; detection tries them in this order (most specific header first). */
export const formats: ImportFormat[] = [ebayCsv, amazonTsv, etsyCsv, shopifyTransporter, shopifyCsv, wooCsv, amazonSpApi, shopifyJson, wooJson, genericCsv];

export const formatById = (id: string) => formats.find((f) => f.id === id);

export function sourceFile(name: string, bytes: Uint8Array): SourceFile {
  const { text, encoding } = decodeBytes(bytes);
  return { name, bytes, text, encoding };
}

/** The format of a file by its content (header row / JSON shape), or null: the file is of an unknown kind. */
export function detectFormat(src: SourceFile): ImportFormat | null {
  let best: ImportFormat | null = null;
  let score = 0;
  for (const f of formats) {
    const s = f.detect(src);
    if (s > score) {
      best = f;
      score = s;
    }
  }
  return best;
}

/** A unit of work: files parsed together (Etsy orders + items; SP-API parts) or one file alone. */
export type ImportUnit = { format: ImportFormat; files: SourceFile[] };

export function planUnits(files: SourceFile[], forced?: string): { units: ImportUnit[]; unknown: SourceFile[] } {
  const forcedFormat = forced ? formatById(forced) : undefined;
  if (forced && !forcedFormat) {
    throw new AppError('UNKNOWN_FORMAT', `Unbekanntes Format „${forced}“. Möglich: ${formats.map((f) => f.id).join(', ')}`);
  }
  const units: ImportUnit[] = [];
  const unknown: SourceFile[] = [];
  for (const src of files) {
    const f = forcedFormat ?? detectFormat(src);
    if (!f) {
      unknown.push(src);
      continue;
    }
    const joined = f.joinFiles ? units.find((u) => u.format === f) : undefined;
    if (joined) joined.files.push(src);
    else units.push({ format: f, files: [src] });
  }
  return { units, unknown };
}
