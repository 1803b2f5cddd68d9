/** A tiny XML writer: enough for CII, no dependency. Elements with no content are left out. */

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
export const escapeXml = (s: string): string =>
  // Control characters other than tab/newline are not allowed in XML 1.0.
  s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '').replace(/[&<>"']/g, (c) => ESC[c]!);

export type Node = string | null | undefined | false | Node[];

function flat(children: Node[]): string[] {
  const out: string[] = [];
  for (const c of children) {
    if (Array.isArray(c)) out.push(...flat(c));
    else if (typeof c === 'string' && c !== '') out.push(c);
  }
  return out;
}

/** An element with child elements; omitted (empty string) when no child has content. */
export function el(name: string, ...children: Node[]): string {
  const inner = flat(children);
  return inner.length ? `<${name}>${inner.join('')}</${name}>` : '';
}

/** An element with a text value and optional attributes; omitted when the value is empty. */
export function text(name: string, value: string | number | null | undefined, attrs: Record<string, string> = {}): string {
  if (value === null || value === undefined || String(value).trim() === '') return '';
  const a = Object.entries(attrs)
    .filter(([, v]) => v !== '')
    .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
    .join('');
  return `<${name}${a}>${escapeXml(String(value).trim())}</${name}>`;
}
