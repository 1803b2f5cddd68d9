import type { ValidationReport, RuleFailure } from '../../../shared/einvoice/rules';
import { validateXsd } from './xsd';
import { validateSchematron } from './schematron';
import { isXRechnungXml, validateXRechnungRules } from './xrechnung-xml';

/**
 * The check every e-invoice passes before it is issued, and what `portodesk invoice validate` runs:
 * 1. the UN/CEFACT CII D16B XSD (syntax; a failure here is a "Formatfehler" — not an e-invoice at all),
 * 2. the official CEN EN 16931 Schematron (business rules BR-*),
 * 3. for XRechnung 3.0 files, the German BR-DE rules.
 * Fatal failures make the report invalid; warnings are reported but do not block.
 */
export async function validateEInvoiceXml(xml: string): Promise<ValidationReport> {
  const checks: string[] = ['xsd'];
  const all: RuleFailure[] = await validateXsd(xml);
  const wellFormed = !all.some((f) => /parser error|Document is empty|Start tag expected/i.test(f.text));
  if (wellFormed) {
    checks.push('schematron-en16931');
    try {
      all.push(...validateSchematron(xml));
    } catch (e) {
      all.push({ id: 'XML', flag: 'fatal', text: `Die Datei ist kein lesbares XML: ${(e as Error).message}`, location: '' });
    }
    if (isXRechnungXml(xml)) {
      checks.push('xrechnung-br-de');
      all.push(...(await validateXRechnungRules(xml)));
    }
  }
  const failures = all.filter((f) => f.flag === 'fatal');
  const warnings = all.filter((f) => f.flag === 'warning');
  return { valid: failures.length === 0, checks, failures, warnings };
}
