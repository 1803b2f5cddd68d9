import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

type FontkitFont = { hasGlyphForCodePoint(cp: number): boolean };
let fonts: FontkitFont[] | null = null;
/** The two Roboto faces the invoice uses (regular and bold = Medium), parsed by pdfkit's own fontkit. */
function robotoFaces(): FontkitFont[] {
  if (!fonts) {
    const fontkit = createRequire(require.resolve('pdfkit'))('fontkit') as { openSync(path: string): FontkitFont };
    const dir = join(dirname(require.resolve('pdfmake/fonts/Roboto.js')), 'Roboto');
    fonts = ['Roboto-Regular.ttf', 'Roboto-Medium.ttf'].map((f) => fontkit.openSync(join(dir, f)));
  }
  return fonts;
}

const known = new Map<number, boolean>();
function drawable(cp: number): boolean {
  let ok = known.get(cp);
  if (ok === undefined) {
    ok = robotoFaces().every((f) => f.hasGlyphForCodePoint(cp));
    known.set(cp, ok);
  }
  return ok;
}

/** Line breaks/tabs (pdfmake handles them) and invisible joiners/variation selectors (emoji sequences). */
const KEEP = /[\n\r\t]/;
const DROP = /[\u200b-\u200f\u2060\ufe00-\ufe0f]/;

/**
 * Text Roboto has no glyph for (emoji, ★, ✓, CJK in a marketplace title) would be drawn with the .notdef
 * glyph, which PDF/A forbids (ISO 19005-2 6.2.11.8) and which prints as an empty box anyway. Such
 * characters become "?" (a run of them one "?"), so the invoice stays PDF/A and shows that something
 * was there. Only the rendering changes: the frozen snapshot and the e-invoice XML keep the original text.
 */
export function drawableText(s: string): string {
  if (/^[\x20-\x7e]*$/.test(s)) return s; // ASCII: always in Roboto (fast path, e.g. the logo's data URL)
  let out = '';
  let replaced = false;
  for (const ch of s) {
    if (KEEP.test(ch) || drawable(ch.codePointAt(0)!)) {
      out += ch;
      replaced = false;
    } else if (!DROP.test(ch)) {
      if (!replaced) out += '?';
      replaced = true;
    }
  }
  return out;
}

/** drawableText applied to every string of plain data (a snapshot); same input, same output. */
export function withDrawableText<T>(v: T): T {
  if (typeof v === 'string') return drawableText(v) as T;
  if (Array.isArray(v)) return v.map((x: unknown) => withDrawableText(x)) as T;
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, withDrawableText(x)])) as T;
  return v;
}
