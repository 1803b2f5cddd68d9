import type { Order } from '../../../shared/domain/order';
import { recipientLines, senderLine, type LabelWarningCode, type Sender } from '../../../shared/labels/address-lines';
import { layoutLabel, type LabelLayout } from '../../../shared/labels/layout';
import { contentFrame } from '../../../shared/labels/placement';
import type { LabelStock } from '../../../shared/labels/stock';
import { barcodeModules, type BarcodeKind } from './barcode';

export type LabelOptions = { showSender: boolean; showOrderNumber: boolean; barcode: BarcodeKind };
export type LabelNotice = { code: LabelWarningCode | 'barcode_omitted' | 'small_text'; detail: string; /** must be confirmed before printing */ blocking: boolean };
export type PreparedLabel = { orderId: number; externalId: string; recipientName: string; layout: LabelLayout; notices: LabelNotice[] };

/** What the label code needs of a font: the PDF's Helvetica metrics, the characters it can encode. */
export type FontMetrics = { measure(text: string, sizePt: number): number; supports(codePoint: number): boolean };

const fallback: Record<string, string> = { 'ł': 'l', 'Ł': 'L', 'đ': 'd', 'Đ': 'D', 'ı': 'i', 'ħ': 'h', 'Ħ': 'H', 'ŋ': 'n', '‐': '-', '–': '-', '—': '-', '’': "'", '‘': "'", '“': '"', '”': '"', '„': '"' };

/**
 * The standard PDF fonts only know Windows-1252. Other letters lose their accent (Ř → R) or take a
 * close Latin letter; the seller is told, since the address on the label then differs slightly.
 */
export function toPrintable(text: string, font: FontMetrics): { text: string; replaced: boolean } {
  let replaced = false;
  let out = '';
  for (const ch of text) {
    if (font.supports(ch.codePointAt(0)!)) {
      out += ch;
      continue;
    }
    replaced = true;
    const base = fallback[ch] ?? ch.normalize('NFD').replace(/\p{M}/gu, '');
    out += [...base].every((c) => font.supports(c.codePointAt(0)!)) && base ? base : '?';
  }
  return { text: out, replaced };
}

/** Builds one order's label: recipient block, sender line, order number and barcode, laid out for the stock. */
export function prepareLabel(order: Order, sender: Sender | null, opts: LabelOptions, stock: LabelStock, font: FontMetrics): PreparedLabel {
  const notices: LabelNotice[] = [];
  const { lines, warnings, wrappable } = recipientLines(order.shipTo, sender?.country ?? 'DE');
  for (const w of warnings) notices.push({ ...w, blocking: true });
  for (const w of order.warnings) {
    if (!notices.some((n) => n.code === w.code)) notices.push({ code: 'imported', detail: w.code + (w.detail ? `: ${w.detail}` : ''), blocking: true });
  }
  let anyReplaced = false;
  const printable = (s: string) => {
    const r = toPrintable(s, font);
    anyReplaced ||= r.replaced;
    return r.text;
  };
  const recipient = lines.map(printable);
  if (anyReplaced) notices.push({ code: 'characters_replaced', detail: recipient.join(' / '), blocking: true });
  const senderVariants: string[] = [];
  if (opts.showSender && sender) {
    const full = senderLine(sender, order.shipTo.country);
    const short = senderLine({ ...sender, street: '' }, order.shipTo.country);
    for (const v of [full, short]) if (v && !senderVariants.includes(printable(v))) senderVariants.push(printable(v));
  }
  const orderText = opts.showOrderNumber ? printable(`Auftrag ${order.externalId}`) : '';
  let modules = null;
  if (opts.showOrderNumber && opts.barcode !== 'none') {
    try {
      modules = barcodeModules(opts.barcode, order.externalId);
    } catch {
      // Code 128 takes ASCII only; such an order number is printed as text without the code.
      notices.push({ code: 'barcode_omitted', detail: order.externalId, blocking: false });
    }
  }
  const frame = contentFrame(stock);
  const layout = layoutLabel({
    senderVariants,
    recipient,
    wrappable: wrappable.map((l) => toPrintable(l, font).text),
    orderText,
    barcode: modules,
    widthMm: frame.widthMm,
    heightMm: frame.heightMm,
    endless: stock.kind === 'endless',
    measure: (t, pt) => font.measure(t, pt),
  });
  if (layout.barcodeOmitted) notices.push({ code: 'barcode_omitted', detail: order.externalId, blocking: false });
  if (layout.recipientPt < 6) notices.push({ code: 'text_shrunk', detail: layout.recipientPt.toFixed(1), blocking: true });
  else if (layout.recipientPt < 8) notices.push({ code: 'small_text', detail: layout.recipientPt.toFixed(1), blocking: false });
  return { orderId: order.id, externalId: order.externalId, recipientName: order.shipTo.name || order.shipTo.company, layout, notices };
}
