import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type { RuleFailure } from '../../../shared/einvoice/rules';
import { SEF_FILE, rulesDir } from './rules-dir';

type SaxonJs = {
  transform(opts: Record<string, unknown>, mode: 'sync'): { principalResult: string };
};
const require = createRequire(import.meta.url);
let saxon: SaxonJs | null = null;
let sef: unknown = null;

/**
 * The compiled CEN stylesheet (5 MB JSON) is parsed once per process: loading it costs about a second,
 * each run afterwards a few hundred milliseconds.
 */
function engine(): { saxon: SaxonJs; sef: unknown } {
  saxon ??= require('saxon-js') as SaxonJs;
  if (!sef) {
    const path = join(rulesDir(), SEF_FILE);
    try {
      sef = JSON.parse(readFileSync(path, 'utf8'));
    } catch (e) {
      throw new Error(`CEN-Prüfregeln nicht lesbar (${path}): ${(e as Error).message}. Mit „npm run einvoice:rules“ neu erzeugen.`);
    }
  }
  return { saxon, sef };
}

const ENT: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&apos;': "'" };
const unescape = (s: string) => s.replace(/&(lt|gt|amp|quot|apos);/g, (m) => ENT[m]!).replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)));
const attr = (tag: string, name: string) => unescape(new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] ?? '');

/** Reads the failed asserts (and successful reports) out of an SVRL result. */
export function parseSvrl(svrl: string): RuleFailure[] {
  const out: RuleFailure[] = [];
  const re = /<svrl:(failed-assert|successful-report)\b([^>]*)>([\s\S]*?)<\/svrl:\1>/g;
  for (let m = re.exec(svrl); m; m = re.exec(svrl)) {
    const tag = m[2]!;
    const textMatch = /<svrl:text[^>]*>([\s\S]*?)<\/svrl:text>/.exec(m[3]!);
    const flag = attr(tag, 'flag') === 'warning' ? 'warning' : 'fatal';
    out.push({
      id: attr(tag, 'id') || 'SCHEMATRON',
      flag,
      // The CEN texts repeat the id ("[BR-06]-An Invoice shall…"); the id is shown separately.
      text: unescape((textMatch?.[1] ?? '').replace(/\s+/g, ' ').trim()).replace(/^\[[^\]]+\]-\s*/, ''),
      // "/*:CrossIndustryInvoice[namespace-uri()='…'][1]/…" → "/CrossIndustryInvoice[1]/…"
      location: attr(tag, 'location').replace(/\*:([A-Za-z]+)\[namespace-uri\(\)='[^']*'\]/g, '$1'),
    });
  }
  return out;
}

/** Runs the official CEN EN 16931 CII Schematron (XSLT compiled to SEF) and returns every failed rule. */
export function validateSchematron(xml: string): RuleFailure[] {
  const { saxon: s, sef: compiled } = engine();
  const result = s.transform({ stylesheetInternal: compiled, sourceText: xml, destination: 'serialized' }, 'sync');
  return parseSvrl(result.principalResult);
}
