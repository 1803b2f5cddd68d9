import { createRequire } from 'node:module';
import { pdfmakeOffline } from '../../../pdf/pdfmake-offline';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';

const require = createRequire(import.meta.url);

/**
 * pdfkit parses the TTF files again for every document (most of the render time). The parsed
 * fontkit font is read-only apart from its glyph caches, and each document still gets its own
 * EmbeddedFont (own subset, own id), so the parsed fonts are shared across documents.
 */
(function shareParsedFonts() {
  type Subset = { glyphs: number[]; encode(): unknown };
  type FontLike = { font: unknown; layoutCache?: Record<string, unknown>; subset: Subset; constructor: new (doc: unknown, font: unknown, id: string) => FontLike };
  type Doc = {
    fontCache: Record<string, Record<string, FontLike>>; _fontCount: number; _fontFamilies: Record<string, FontLike>; _font: FontLike;
    getFontType(b: boolean, i: boolean): string; getFontFile(f: string, b: boolean, i: boolean): unknown;
  };
  const PdfmakeDocument = (require('pdfmake/js/PDFDocument') as { default: { prototype: Doc & { provideFont(f: string, b: boolean, i: boolean): FontLike } } }).default;
  const original = PdfmakeDocument.prototype.provideFont;
  const parsed = new Map<string, FontLike>();
  const layouts = new Map<string, { cache: Record<string, unknown>; docs: number }>();
  /**
   * Encoding the embedded subset is the largest single step of a render. Its bytes depend only on the
   * font and the glyphs in the order the document first used them, and invoices printed from the same
   * template mostly share both, so an encoded subset is reused for an identical glyph list.
   */
  const subsets = new Map<string, Map<string, unknown>>();
  const reuseSubsets = (subset: Subset, path: string) => {
    let cache = subsets.get(path);
    if (!cache) subsets.set(path, (cache = new Map()));
    const encode = subset.encode;
    subset.encode = function (this: Subset) {
      const key = this.glyphs.join(',');
      let bytes = cache.get(key);
      if (bytes === undefined) {
        bytes = encode.call(this);
        if (cache.size >= 64) cache.clear();
        cache.set(key, bytes);
      }
      return bytes;
    };
  };
  /** Renewed every 500 documents so a long-running app does not keep every word it ever printed. */
  const sharedLayouts = (path: string) => {
    let l = layouts.get(path);
    if (!l || ++l.docs > 500) layouts.set(path, (l = { cache: Object.create(null) as Record<string, unknown>, docs: 1 }));
    return l.cache;
  };
  PdfmakeDocument.prototype.provideFont = function (this: Doc, family: string, bold: boolean, italics: boolean): FontLike {
    const type = this.getFontType(bold, italics);
    const cached = this.fontCache[family]?.[type];
    if (cached) return cached;
    const path = this.getFontFile(family, bold, italics);
    const proto = typeof path === 'string' ? parsed.get(path) : undefined;
    if (typeof path !== 'string' || !proto) {
      const f = original.call(this, family, bold, italics);
      if (typeof path === 'string') parsed.set(path, f);
      return f;
    }
    const ef = new proto.constructor(this, proto.font, `F${++this._fontCount}`);
    // Word layouts (fontkit shaping, a third of the render time) depend only on the font and the word,
    // so documents share them; glyphs still go into each document's own subset when text is encoded.
    if (ef.layoutCache) ef.layoutCache = sharedLayouts(path);
    reuseSubsets(ef.subset, path);
    this._fontFamilies[path] = ef;
    this._font = ef;
    (this.fontCache[family] ??= {})[type] = ef;
    return ef;
  };
})();
const pm = pdfmakeOffline;

/** Where each row of the items table landed: row index → page number (1-based). */
export type RowPages = Map<number, number>;

/**
 * A document whose definition can depend on the row→page mapping (for carried totals, "Übertrag").
 * Rows of the item table carry `id: 'row:<index>'` on one cell.
 */
export type PagedDocument = (rowPages: RowPages | null) => TDocumentDefinitions;

/**
 * Invoices and cancellation invoices are archived for ten years and are the visual part of the hybrid
 * ZUGFeRD/Factur-X e-invoice, so they are rendered as PDF/A-3b (reference §2.4/§2.9): PDF 1.7, the
 * Roboto TTF fonts embedded (pdfkit subsets them), an sRGB OutputIntent and the pdfaid XMP (pdfkit adds
 * both for its PDF/A subsets). Deterministic like everything else here: pdfkit derives the trailer /ID
 * and the XMP dates from the fixed creation date.
 */
export const PDFA_3B = { version: '1.7', subset: 'PDF/A-3b', language: 'de-DE' } as const satisfies Partial<TDocumentDefinitions>;

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const escapeXml = (v: string) => v.replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);

type KitInfo = Record<string, unknown>;
type Kit = { info: KitInfo; _addInfo(): void };

/**
 * pdfkit copies Title/Author/Subject/Creator/Producer into the XMP unescaped, so a company called
 * "Kiste & Karton e.K." would make the metadata stream malformed XML (not PDF/A). The document info
 * dictionary is already written when the XMP is built, so the XMP step alone sees escaped copies.
 */
function escapeXmpInfo(kit: Kit): void {
  const addInfo = kit._addInfo;
  kit._addInfo = function (this: Kit) {
    const info = this.info;
    this.info = Object.fromEntries(Object.entries(info).map(([k, v]) => [k, typeof v === 'string' ? escapeXml(v) : v]));
    try {
      addInfo.call(this);
    } finally {
      this.info = info;
    }
  };
}

async function renderOnce(def: TDocumentDefinitions, rowPages: RowPages): Promise<Buffer> {
  def.pageBreakBefore = (node: { id?: string; pageNumbers?: number[] }) => {
    if (typeof node.id === 'string' && node.id.startsWith('row:') && node.pageNumbers?.length) {
      // With dontBreakRows a row first placed at the bottom of a page is moved to the next one: the last page counts.
      rowPages.set(Number(node.id.slice(4)), Math.max(...node.pageNumbers));
    }
    return false;
  };
  const out = pm.createPdf(def);
  if (def.subset) escapeXmpInfo((await out.getStream()) as unknown as Kit);
  return (await out.getBuffer()) as Buffer;
}

/**
 * Renders a document. When the item table spans several pages the layout is done twice: the first
 * pass learns on which page each row lands, the second prints the carried totals in the page header
 * and footer. Header/footer heights are fixed by the page margins, so the rows land identically.
 */
export async function renderPaged(doc: PagedDocument): Promise<Uint8Array> {
  const first = new Map<number, number>();
  const buf = await renderOnce(doc(null), first);
  const pages = new Set(first.values());
  if (pages.size <= 1) return new Uint8Array(buf);
  const second = new Map<number, number>();
  const buf2 = await renderOnce(doc(first), second);
  return new Uint8Array(buf2);
}

export type { Content, TDocumentDefinitions };
