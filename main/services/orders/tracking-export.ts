import type { AppCore } from '../../app/core';
import { AppError } from '../../../shared/errors';
import { markTrackingExported, ordersForTrackingExport } from '../../db/repos/orders-imports';

/**
 * Tracking-upload files for the marketplaces, for shipped orders whose tracking has not been uploaded yet
 * (or the given ids).
 * - Amazon: flat-file feed POST_FLAT_FILE_FULFILLMENT_DATA (tab-separated; order-formats.md §2.2).
 *   order-item-id/quantity left empty = the whole order.
 * - eBay: the Seller Hub / File Exchange status upload (Action=Status, OrderID, ShippingStatus=1,
 *   carrier, tracking). eBay's exact Seller Hub tracking layout is not published (order-formats.md §1.5,
 *   "Not found"); this uses the documented File Exchange status fields.
 */
const AMAZON_CARRIERS: [RegExp, string][] = [
  [/dhl/i, 'DHL'], [/deutsche ?post|internetmarke|warenpost|brief/i, 'Deutsche Post'], [/hermes/i, 'Hermes Logistik Gruppe'],
  [/dpd/i, 'DPD'], [/gls/i, 'GLS'], [/ups/i, 'UPS'], [/fedex/i, 'FedEx'],
];
const EBAY_CARRIERS: [RegExp, string][] = [
  [/dhl/i, 'DHL'], [/deutsche ?post|internetmarke|warenpost|brief/i, 'DeutschePost'], [/hermes/i, 'Hermes'], [/dpd/i, 'DPD'],
  [/gls/i, 'GLS'], [/ups/i, 'UPS'], [/iloxx/i, 'iLoxx'],
];
const pick = (table: [RegExp, string][], carrier: string, tracking: string) =>
  table.find(([re]) => re.test(carrier))?.[1] ?? (/^(00)?3\d{18}$|^JJD/i.test(tracking) ? table[0]![1] : '');

const tsv = (cells: string[]) => cells.map((c) => c.replace(/[\t\r\n]+/g, ' ')).join('\t');
const csv = (cells: string[]) => cells.map((c) => (/[",;\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');

export function trackingExport(core: AppCore, target: 'ebay' | 'amazon', ids?: number[]): { fileName: string; content: string; count: number } {
  const rows = ordersForTrackingExport(core.db, target, target, ids);
  if (rows.length === 0) {
    throw new AppError('NOTHING_TO_EXPORT', target === 'ebay'
      ? 'Keine versendeten eBay-Aufträge mit neuer Sendungsnummer. Erst Aufträge als versendet markieren.'
      : 'Keine versendeten Amazon-Aufträge mit neuer Sendungsnummer. Erst Aufträge als versendet markieren.');
  }
  const day = core.nowIso().slice(0, 10);
  let content: string;
  if (target === 'amazon') {
    const lines = [tsv(['order-id', 'order-item-id', 'quantity', 'ship-date', 'carrier-code', 'carrier-name', 'tracking-number', 'ship-method'])];
    for (const r of rows) {
      const code = pick(AMAZON_CARRIERS, r.carrier, r.tracking_number);
      lines.push(tsv([r.external_id, '', '', (r.shipped_at ?? core.nowIso()).slice(0, 10), code || 'Other', code ? '' : r.carrier || 'Other', r.tracking_number, '']));
    }
    content = lines.join('\r\n') + '\r\n';
  } else {
    const lines = [csv(['Action(SiteID=Germany|Country=DE|Currency=EUR|Version=1193|CC=UTF-8)', 'OrderID', 'ShippingStatus', 'ShippingCarrierUsed', 'ShipmentTrackingNumber'])];
    for (const r of rows) {
      const carrier = r.tracking_number ? pick(EBAY_CARRIERS, r.carrier, r.tracking_number) || r.carrier || 'Other' : '';
      lines.push(csv(['Status', r.external_id, '1', carrier, r.tracking_number]));
    }
    content = '\uFEFF' + lines.join('\r\n') + '\r\n';
  }
  core.db.transaction(() => markTrackingExported(core.db, rows.map((r) => ({ id: r.id, tracking: r.tracking_number })), target, core.nowIso()))();
  return { fileName: target === 'amazon' ? `amazon-versandbestaetigung-${day}.txt` : `ebay-sendungsnummern-${day}.csv`, content, count: rows.length };
}
