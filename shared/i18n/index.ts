import { core as deCore } from './de/core';
import { orders as deOrders } from './de/orders';
import { documents as deDocuments } from './de/documents';
import { labels as deLabels } from './de/labels';
import { franking as deFranking } from './de/franking';
import { billing as deBilling } from './de/billing';
import { exports as deExports } from './de/exports';
import { shell as deShell } from './de/shell';
import { core as enCore } from './en/core';
import { orders as enOrders } from './en/orders';
import { documents as enDocuments } from './en/documents';
import { labels as enLabels } from './en/labels';
import { franking as enFranking } from './en/franking';
import { billing as enBilling } from './en/billing';
import { exports as enExports } from './en/exports';
import { shell as enShell } from './en/shell';

const de = { ...deCore, ...deOrders, ...deDocuments, ...deLabels, ...deFranking, ...deBilling, ...deExports, ...deShell };
export type MessageKey = keyof typeof de;
const en: Record<MessageKey, string> = { ...enCore, ...enOrders, ...enDocuments, ...enLabels, ...enFranking, ...enBilling, ...enExports, ...enShell };

export const locales = { de, en } as const;
export type Locale = keyof typeof locales;
export type Params = Record<string, string | number>;

/** German first; English second. Unknown keys come back as the key so a gap is visible, never blank. */
export function translate(locale: Locale, key: string, params?: Params): string {
  const dict = locales[locale] as Record<string, string>;
  const msg = dict[key] ?? (locales.de as Record<string, string>)[key] ?? key;
  return params ? msg.replace(/\{(\w+)\}/g, (_, p: string) => (p in params ? String(params[p]) : `{${p}}`)) : msg;
}

export const isMessageKey = (key: string): key is MessageKey => Object.hasOwn(de, key);
