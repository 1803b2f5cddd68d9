/**
 * Deutsche Post Internetmarke products (PPL codes) with their size and weight limits, and the
 * price lists as DATED data: a price belongs to a validity period, never to the product itself,
 * because Deutsche Post changes prices on a fixed date while the codes stay.
 * Source: reference/internetmarke-api.md §3 (PPL60_EPORTO 2026-05-13, porto-data cross-check).
 */

export type Destination = 'national' | 'international';
export type Registration = 'none' | 'einwurf' | 'einschreiben' | 'rueckschein';

export type PostageProduct = {
  code: number;
  /** German product name as Deutsche Post writes it. */
  name: string;
  destination: Destination;
  /** Basic letter kind, for the rule table and the UI. */
  base: 'standard' | 'kompakt' | 'gross' | 'maxi' | 'maxi2000' | 'postkarte' | 'warensendung' | 'warensendung2000';
  registration: Registration;
  /** Maximum weight in grams; null where Deutsche Post sets none (postcards). */
  maxWeightG: number | null;
  /** Size limits in mm (domestic letter formats, §3.3); null where no authoritative source exists. */
  size: { minLengthMm: number; maxLengthMm: number; minWidthMm: number; maxWidthMm: number; maxThicknessMm: number } | null;
  /** Registered products carry a track id (Sendungsnummer). */
  tracked: boolean;
};

const SIZES = {
  standard: { minLengthMm: 140, maxLengthMm: 235, minWidthMm: 90, maxWidthMm: 125, maxThicknessMm: 5 },
  kompakt: { minLengthMm: 100, maxLengthMm: 235, minWidthMm: 70, maxWidthMm: 125, maxThicknessMm: 10 },
  gross: { minLengthMm: 100, maxLengthMm: 353, minWidthMm: 70, maxWidthMm: 250, maxThicknessMm: 20 },
  maxi: { minLengthMm: 100, maxLengthMm: 353, minWidthMm: 70, maxWidthMm: 250, maxThicknessMm: 50 },
  postkarte: { minLengthMm: 140, maxLengthMm: 235, minWidthMm: 90, maxWidthMm: 125, maxThicknessMm: 1 },
} as const;

const REG_NAMES: Record<Exclude<Registration, 'none'>, string> = {
  einwurf: 'Einschreiben Einwurf',
  einschreiben: 'Einschreiben',
  rueckschein: 'Einschreiben + Rückschein',
};

function p(
  code: number,
  name: string,
  destination: Destination,
  base: PostageProduct['base'],
  maxWeightG: number | null,
  size: PostageProduct['size'],
  registration: Registration = 'none',
): PostageProduct {
  return { code, name, destination, base, registration, maxWeightG, size, tracked: registration !== 'none' };
}

const domesticBases: { code: number; name: string; base: PostageProduct['base']; w: number | null; size: PostageProduct['size'] }[] = [
  { code: 1, name: 'Standardbrief', base: 'standard', w: 20, size: SIZES.standard },
  { code: 11, name: 'Kompaktbrief', base: 'kompakt', w: 50, size: SIZES.kompakt },
  { code: 21, name: 'Großbrief', base: 'gross', w: 500, size: SIZES.gross },
  { code: 31, name: 'Maxibrief', base: 'maxi', w: 1000, size: SIZES.maxi },
  { code: 41, name: 'Maxibrief bis 2000 g', base: 'maxi2000', w: 2000, size: SIZES.maxi },
  { code: 51, name: 'Postkarte', base: 'postkarte', w: null, size: SIZES.postkarte },
];

/** Registered variants: codes 1002/1007/1008 (Standardbrief) … 1052/1057/1058 (Postkarte). */
const registeredCodes: Record<number, [number, number, number]> = {
  1: [1002, 1007, 1008],
  11: [1012, 1017, 1018],
  21: [1022, 1027, 1028],
  31: [1032, 1037, 1038],
  41: [1042, 1047, 1048],
  51: [1052, 1057, 1058],
};

export const PRODUCTS: readonly PostageProduct[] = [
  ...domesticBases.map((b) => p(b.code, b.name, 'national', b.base, b.w, b.size)),
  ...domesticBases.flatMap((b) => {
    const [e, r, rs] = registeredCodes[b.code]!;
    return [
      p(e, `${b.name} + ${REG_NAMES.einwurf}`, 'national', b.base, b.w, b.size, 'einwurf'),
      p(r, `${b.name} + ${REG_NAMES.einschreiben}`, 'national', b.base, b.w, b.size, 'einschreiben'),
      p(rs, `${b.name} + ${REG_NAMES.rueckschein}`, 'national', b.base, b.w, b.size, 'rueckschein'),
    ];
  }),
  p(290, 'Warensendung', 'national', 'warensendung', 1000, null),
  p(331, 'Warensendung 2.000', 'national', 'warensendung2000', 2000, null),
  p(10001, 'Standardbrief international', 'international', 'standard', 20, SIZES.standard),
  p(10011, 'Kompaktbrief international', 'international', 'kompakt', 50, SIZES.kompakt),
  p(10051, 'Großbrief international', 'international', 'gross', 500, SIZES.gross),
  p(10071, 'Maxibrief international bis 1000 g', 'international', 'maxi', 1000, SIZES.maxi),
  p(10091, 'Maxibrief international bis 2000 g', 'international', 'maxi2000', 2000, SIZES.maxi),
  p(10201, 'Postkarte international', 'international', 'postkarte', null, SIZES.postkarte),
  p(11006, 'Standardbrief international + Einschreiben', 'international', 'standard', 20, SIZES.standard, 'einschreiben'),
  p(11016, 'Kompaktbrief international + Einschreiben', 'international', 'kompakt', 50, SIZES.kompakt, 'einschreiben'),
  p(11056, 'Großbrief international + Einschreiben', 'international', 'gross', 500, SIZES.gross, 'einschreiben'),
  p(11076, 'Maxibrief international + Einschreiben', 'international', 'maxi', 1000, SIZES.maxi, 'einschreiben'),
  p(11096, 'Maxibrief international bis 2000 g + Einschreiben', 'international', 'maxi2000', 2000, SIZES.maxi, 'einschreiben'),
  p(11202, 'Postkarte international + Einschreiben', 'international', 'postkarte', null, SIZES.postkarte, 'einschreiben'),
];

const byCode = new Map(PRODUCTS.map((x) => [x.code, x]));
export const productByCode = (code: number): PostageProduct | undefined => byCode.get(code);

export type PriceList = {
  id: string;
  /** First and last calendar day (Europe/Berlin, inclusive) the prices apply. */
  validFrom: string;
  validTo: string;
  /** Gross price in euro cents per product code (letter postage is VAT-free). */
  prices: Readonly<Record<number, number>>;
};

/** Prices fixed by the Bundesnetzagentur for 2025-01-01 … 2026-12-31 (reference §3.2). */
export const PRICE_LISTS: readonly PriceList[] = [
  {
    id: 'PPL60_EPORTO-2025',
    validFrom: '2025-01-01',
    validTo: '2026-12-31',
    prices: {
      1: 95, 11: 110, 21: 180, 31: 290, 41: 510, 51: 95,
      290: 270, 331: 355,
      1002: 330, 1007: 360, 1008: 580,
      1012: 345, 1017: 375, 1018: 595,
      1022: 415, 1027: 445, 1028: 665,
      1032: 525, 1037: 555, 1038: 775,
      1042: 745, 1047: 775, 1048: 995,
      1052: 330, 1057: 360, 1058: 580,
      10001: 125, 10011: 180, 10051: 330, 10071: 650, 10091: 1700, 10201: 125,
      11006: 495, 11016: 550, 11056: 700, 11076: 1020, 11096: 2070, 11202: 495,
    },
  },
];

/** The price list in force on a calendar day (YYYY-MM-DD), or null when none is known for that day. */
export function priceListFor(day: string): PriceList | null {
  return PRICE_LISTS.find((l) => l.validFrom <= day && day <= l.validTo) ?? null;
}

/** Price in cents of a product on a day; null when the product or the day has no known price. */
export function priceOf(code: number, day: string): number | null {
  return priceListFor(day)?.prices[code] ?? null;
}

/** Does a letter of this weight fit the product? Unknown weight (null) fits, the seller decided. */
export function fitsWeight(product: PostageProduct, weightG: number | null): boolean {
  return weightG === null || product.maxWeightG === null || weightG <= product.maxWeightG;
}
