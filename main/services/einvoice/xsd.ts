import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { validateXML, type XMLFileInfo } from 'xmllint-wasm';
import type { RuleFailure } from '../../../shared/einvoice/rules';
import { XSD_MAIN, rulesDir } from './rules-dir';

let schemaCache: { main: XMLFileInfo; preload: XMLFileInfo[] } | null = null;

function schemas() {
  if (!schemaCache) {
    const dir = rulesDir();
    const files = readdirSync(dir).filter((f) => f.endsWith('.xsd'));
    const all = files.map((f) => ({ fileName: f, contents: readFileSync(join(dir, f), 'utf8') }));
    const main = all.find((f) => f.fileName === XSD_MAIN);
    if (!main) throw new Error(`CII-Schema ${XSD_MAIN} fehlt in ${dir}`);
    schemaCache = { main, preload: all.filter((f) => f !== main) };
  }
  return schemaCache;
}

/** Syntax check against the UN/CEFACT CII D16B XSD (xmllint compiled to WebAssembly, no native code). */
export async function validateXsd(xml: string): Promise<RuleFailure[]> {
  const { main, preload } = schemas();
  const r = await validateXML({ xml: [{ fileName: 'invoice.xml', contents: xml }], schema: [main], preload });
  if (r.valid) return [];
  return r.errors.map((e) => ({
    id: 'XSD',
    flag: 'fatal' as const,
    text: e.message.trim(),
    location: e.loc ? `Zeile ${e.loc.lineNumber}` : '',
  }));
}
