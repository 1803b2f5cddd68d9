/**
 * Amount text as marketplaces write it → integer minor units (cents). Never uses the host locale.
 * Handles "$36.00", "£5", "44,99", "1.234,50", "1,234.50", "EUR 116,99", "116,99 €", "3.3", "-0.03", "10".
 * A single separator followed by exactly three digits is a thousands separator ("1.234" on eBay.de).
 * Returns null when the text is not an amount.
 */
export function parseAmountCents(raw: string | number | null | undefined): number | null {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'number') return Number.isFinite(raw) ? Math.round(raw * 100) : null;
  let s = raw.replace(/[\s\u00a0\u202f]/g, '');
  if (!s) return null;
  let neg = false;
  if (/^\(.*\)$/.test(s)) {
    neg = true;
    s = s.slice(1, -1);
  }
  if (s.startsWith('-')) {
    neg = !neg;
    s = s.slice(1);
  }
  s = s.replace(/^(EUR|USD|GBP|CHF|CAD|AUD|BRL|SEK|DKK|PLN|CZK|US\$|CA\$|AU\$|C\$|A\$|R\$|[€$£])/i, '');
  s = s.replace(/(EUR|USD|GBP|CHF|CAD|AUD|BRL|SEK|DKK|PLN|CZK|[€$£])$/i, '');
  if (s.startsWith('-')) {
    neg = !neg;
    s = s.slice(1);
  }
  if (!/^\d[\d.,]*$/.test(s) || /[.,]$/.test(s) || /[.,]{2}/.test(s)) return null;
  const commas = s.split(',').length - 1;
  const dots = s.split('.').length - 1;
  let intPart = s;
  let frac = '';
  const splitAt = (dec: string, thou: string) => {
    const i = s.lastIndexOf(dec);
    intPart = s.slice(0, i);
    frac = s.slice(i + 1);
    const groups = intPart.split(thou);
    if (groups.length > 1 && !groups.slice(1).every((g) => g.length === 3)) return false;
    intPart = groups.join('');
    return !intPart.includes(dec);
  };
  if (commas && dots) {
    const ok = s.lastIndexOf(',') > s.lastIndexOf('.') ? splitAt(',', '.') : splitAt('.', ',');
    if (!ok) return null;
  } else if (commas || dots) {
    const sep = commas ? ',' : '.';
    const parts = s.split(sep);
    if (parts.length > 2 || parts[1]!.length === 3) {
      if (!parts.slice(1).every((p) => p.length === 3)) return null;
      intPart = parts.join('');
    } else {
      intPart = parts[0]!;
      frac = parts[1]!;
    }
  }
  if (!/^\d+$/.test(intPart) || frac.length > 2) return null;
  const cents = Number(intPart) * 100 + Number((frac + '00').slice(0, 2));
  if (!Number.isSafeInteger(cents)) return null;
  return neg && cents !== 0 ? -cents : cents;
}

/** Currency from a symbol or code in the amount text, if any. */
export function currencyOf(raw: string): string | null {
  if (/€|EUR/i.test(raw)) return 'EUR';
  if (/£|GBP/i.test(raw)) return 'GBP';
  if (/CHF/i.test(raw)) return 'CHF';
  if (/R\$|BRL/i.test(raw)) return 'BRL';
  if (/C\$|CAD/i.test(raw)) return 'CAD';
  if (/A\$|AUD/i.test(raw)) return 'AUD';
  if (/\$|USD/i.test(raw)) return 'USD';
  return null;
}
