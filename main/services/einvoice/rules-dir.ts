import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the CEN artefacts live (XSD copies, the Schematron XSLT and its compiled SEF). In the source tree
 * and under tsx that is ./rules next to this file; a bundled build copies the folder and may point at it
 * with PORTODESK_EINVOICE_RULES.
 */
export function rulesDir(): string {
  const env = process.env.PORTODESK_EINVOICE_RULES;
  if (env && existsSync(env)) return env;
  const here = typeof import.meta?.url === 'string' && import.meta.url ? dirname(fileURLToPath(import.meta.url)) : __dirname;
  return join(here, 'rules');
}

export const SEF_FILE = 'EN16931-CII-validation.sef.json';
export const XSD_MAIN = 'CrossIndustryInvoice_100pD16B.xsd';
