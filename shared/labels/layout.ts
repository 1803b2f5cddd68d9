/**
 * Places the text and the barcode of one address label inside its frame. Pure: the width of a
 * text comes from `measure` (the PDF font's metrics in main), so the PDF and the preview share one
 * layout. Text shrinks until it fits — it never overflows the label and is never cut.
 */

export const PT_TO_MM = 25.4 / 72;

/** Barcode modules: dark rectangles [x, y, w, h] in module units (y down), plus the symbol's size. */
export type BarcodeModules = { kind: 'code128' | 'datamatrix'; cols: number; rows: number; rects: [number, number, number, number][] };

export type LaidOutText = { text: string; xMm: number; /** baseline, from the frame's top */ yMm: number; sizePt: number; role: 'sender' | 'recipient' | 'order' };
export type LaidOutBarcode = { xMm: number; yMm: number; widthMm: number; heightMm: number; modules: BarcodeModules };
export type LabelLayout = {
  widthMm: number;
  heightMm: number;
  texts: LaidOutText[];
  barcode: LaidOutBarcode | null;
  /** Size of the recipient block; below 8 pt it is hard to read, below 6 pt the seller must confirm. */
  recipientPt: number;
  barcodeOmitted: boolean;
};

export type LayoutInput = {
  /** Shortest last: the sender line is shortened (e.g. without the street) rather than made unreadable. */
  senderVariants: string[];
  recipient: string[];
  /** Recipient lines that may be split onto two lines (company, name, c/o, Adresszusatz). */
  wrappable?: string[];
  orderText: string;
  barcode: BarcodeModules | null;
  widthMm: number;
  /** For endless tape the minimum length; the label grows with its content. */
  heightMm: number;
  endless?: boolean;
  measure: (text: string, sizePt: number) => number;
};

const MAX_PT = 12;
const NOMINAL_ENDLESS_PT = 11;
const LINE = 1.2;
const SENDER_GAP_MM = 1.2;
const FOOTER_GAP_MM = 1.5;
const QUIET_CODE128 = 10;
const QUIET_DM = 1;

export function paddingFor(widthMm: number, heightMm: number): number {
  return Math.min(6, Math.max(2.5, Math.min(widthMm, heightMm) * 0.07));
}

export function layoutLabel(inp: LayoutInput): LabelLayout {
  const pad = paddingFor(inp.widthMm, inp.heightMm);
  const availW = inp.widthMm - 2 * pad;
  const mmW = (t: string, pt: number) => inp.measure(t, pt) * PT_TO_MM;
  const texts: LaidOutText[] = [];

  // Footer: order number (small) and the barcode of it.
  let footerH = 0;
  let footer: ((bottomMm: number) => void) | null = null;
  let barcodeOmitted = false;
  let barcode: LaidOutBarcode | null = null;
  const frameHForFooter = inp.endless ? Math.max(inp.heightMm, 40) : inp.heightMm;
  if (inp.orderText) {
    const orderPt = Math.max(4, Math.min(7, (availW / Math.max(1e-6, mmW(inp.orderText, 1))) * 0.98));
    const orderH = orderPt * LINE * PT_TO_MM;
    const bc = inp.barcode;
    let bcW = 0;
    let bcH = 0;
    if (bc?.kind === 'code128') {
      const total = bc.cols + 2 * QUIET_CODE128;
      const mw = Math.min(0.33, availW / total);
      bcH = Math.min(12, Math.max(5, frameHForFooter * 0.15), (frameHForFooter - 2 * pad) * 0.3);
      if (mw >= 0.19 && bcH >= 4) bcW = total * mw;
      else barcodeOmitted = true;
    } else if (bc?.kind === 'datamatrix') {
      const side = Math.min(14, Math.max(bc.cols * 0.35, frameHForFooter * 0.2), (frameHForFooter - 2 * pad) * 0.4);
      if (side >= (bc.cols + 2 * QUIET_DM) * 0.25) {
        bcW = side;
        bcH = side;
      } else barcodeOmitted = true;
    }
    if (bc && bcW > 0 && bc.kind === 'code128') {
      footerH = orderH + 0.5 + bcH;
      footer = (bottom) => {
        const mw = bcW / (bc.cols + 2 * QUIET_CODE128);
        barcode = { xMm: pad + QUIET_CODE128 * mw, yMm: bottom - bcH, widthMm: bc.cols * mw, heightMm: bcH, modules: bc };
        texts.push({ text: inp.orderText, xMm: pad, yMm: bottom - bcH - 0.5 - (orderH - orderPt * PT_TO_MM), sizePt: orderPt, role: 'order' });
      };
    } else if (bc && bcW > 0) {
      footerH = Math.max(bcH, orderH);
      footer = (bottom) => {
        const q = (bcW / (bc.cols + 2 * QUIET_DM)) * QUIET_DM;
        barcode = { xMm: inp.widthMm - pad - bcW + q, yMm: bottom - bcH + q, widthMm: bcW - 2 * q, heightMm: bcH - 2 * q, modules: bc };
        const textPt = Math.min(orderPt, ((availW - bcW - 1) / Math.max(1e-6, mmW(inp.orderText, 1))) * 0.98);
        texts.push({ text: inp.orderText, xMm: pad, yMm: bottom - 0.2 * textPt * PT_TO_MM, sizePt: Math.max(3, textPt), role: 'order' });
      };
    } else {
      footerH = orderH;
      footer = (bottom) => texts.push({ text: inp.orderText, xMm: pad, yMm: bottom - 0.2 * orderPt * PT_TO_MM, sizePt: orderPt, role: 'order' });
    }
  }

  // Recipient block (and the sender line above it): the largest size up to 12 pt that fits.
  const senderFor = (s: number): { text: string; pt: number } | null => {
    const want = Math.min(8, Math.max(5, s * 0.65));
    for (const v of inp.senderVariants) {
      const w1 = mmW(v, 1);
      const pt = Math.min(want, (availW / Math.max(1e-6, w1)) * 0.99);
      if (pt >= 4.5) return { text: v, pt };
    }
    return null;
  };
  const blockHOf = (n: number, s: number) => {
    const snd = senderFor(s);
    return n * s * LINE * PT_TO_MM + (snd ? snd.pt * LINE * PT_TO_MM + SENDER_GAP_MM : 0);
  };
  const fit = (lines: string[]): { s: number; heightMm: number } => {
    const n = Math.max(1, lines.length);
    const widest = Math.max(1e-6, ...lines.map((l) => mmW(l, 1)));
    let s = Math.min(inp.endless ? NOMINAL_ENDLESS_PT : MAX_PT, (availW / widest) * 0.99);
    if (inp.endless) return { s, heightMm: Math.max(inp.heightMm, 2 * pad + blockHOf(n, s) + (footerH ? footerH + FOOTER_GAP_MM : 0)) };
    const avail = inp.heightMm - 2 * pad - (footerH ? footerH + FOOTER_GAP_MM : 0);
    while (s > 0.5 && blockHOf(n, s) > avail) s -= 0.05;
    return { s, heightMm: inp.heightMm };
  };
  let recipient = inp.recipient;
  let { s, heightMm } = fit(recipient);
  // A long company or name line may go onto two lines (split at a space) when that keeps the
  // whole block clearly larger; street, town and country lines are never split.
  const wrappable = new Set(inp.wrappable ?? []);
  for (let round = 0; round < 3 && s < 9 && recipient.length < 8; round += 1) {
    let widestIdx = -1;
    recipient.forEach((l, i) => {
      if (wrappable.has(l) && l.includes(' ') && (widestIdx < 0 || mmW(l, 1) > mmW(recipient[widestIdx]!, 1))) widestIdx = i;
    });
    if (widestIdx < 0) break;
    const line = recipient[widestIdx]!;
    const words = line.split(' ');
    let best: [string, string] | null = null;
    for (let k = 1; k < words.length; k += 1) {
      const a = words.slice(0, k).join(' ');
      const b = words.slice(k).join(' ');
      if (!best || Math.max(mmW(a, 1), mmW(b, 1)) < Math.max(mmW(best[0], 1), mmW(best[1], 1))) best = [a, b];
    }
    const candidate = [...recipient.slice(0, widestIdx), best![0], best![1], ...recipient.slice(widestIdx + 1)];
    const f = fit(candidate);
    if (f.s < s + 0.5) break;
    best!.forEach((part) => wrappable.add(part));
    recipient = candidate;
    ({ s, heightMm } = f);
  }
  const blockH = (x: number) => blockHOf(recipient.length, x);
  const availMain = heightMm - 2 * pad - (footerH ? footerH + FOOTER_GAP_MM : 0);
  const snd = senderFor(s);
  let y = pad + Math.max(0, (availMain - blockH(s)) / 2);
  if (snd) {
    texts.push({ text: snd.text, xMm: pad, yMm: y + snd.pt * PT_TO_MM, sizePt: snd.pt, role: 'sender' });
    y += snd.pt * LINE * PT_TO_MM + SENDER_GAP_MM;
  }
  for (const line of recipient) {
    texts.push({ text: line, xMm: pad, yMm: y + s * PT_TO_MM, sizePt: s, role: 'recipient' });
    y += s * LINE * PT_TO_MM;
  }
  if (footer) footer(heightMm - pad);
  return { widthMm: inp.widthMm, heightMm, texts, barcode, recipientPt: Math.round(s * 100) / 100, barcodeOmitted };
}
