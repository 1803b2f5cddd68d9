import type { AppCore } from '../../app/core';
import type { Order } from '../../../shared/domain/order';
import { getOrder } from '../../db/repos/orders';
import { ordersInOpenPurchase, ordersWithLiveStamp } from '../../db/repos/franking';
import { AppError } from '../../../shared/errors';
import { berlinDay } from '../../../shared/format';
import { priceOf, productByCode } from '../../../shared/postage/products';
import { orderWeightG, pickProduct } from '../../../shared/postage/rules';
import { toImAddress, type ImAddress } from '../../../shared/postage/address';
import { rules } from './config';

/** Which product each order gets, what it costs today, and whether the stamp can carry its address. */

export type PlannedLine = { orderId: number; order: Order; productCode: number; productName: string; priceCents: number; receiver: ImAddress };
export type Pick = { orderId: number; productCode?: number };

export type CandidateInfo = {
  orderId: number; externalId: string; buyerName: string; country: string; status: string; weightG: number | null; itemCount: number;
  productCode: number | null; priceCents: number | null; problem: string; hasStamp: boolean;
};

export function describeOrder(core: AppCore, order: Order, override: number | undefined, hasStamp: boolean): CandidateInfo {
  const weightG = orderWeightG(order);
  const itemCount = order.items.reduce((s, i) => s + i.quantity, 0);
  const pick = pickProduct({ country: order.shipTo.country, weightG, itemCount }, rules(core), override);
  const day = berlinDay(core.clock.now());
  const problems: string[] = [];
  let priceCents: number | null = null;
  if (pick.productCode === null) {
    problems.push(pick.reason === 'too_heavy' ? `${weightG} g ist zu schwer für einen Brief` : 'Keine Produktregel passt; bitte Produkt wählen');
  } else {
    const product = productByCode(pick.productCode);
    priceCents = priceOf(pick.productCode, day);
    if (!product) problems.push(`Unbekanntes Produkt ${pick.productCode}`);
    else if (priceCents === null) problems.push(`Für ${product.name} ist am ${day} kein Preis bekannt`);
    else if ((product.destination === 'national') !== (order.shipTo.country === 'DE')) {
      problems.push(product.destination === 'national' ? `${product.name} gilt nur innerhalb Deutschlands` : `${product.name} ist für Sendungen ins Ausland`);
    } else if (weightG !== null && product.maxWeightG !== null && weightG > product.maxWeightG) {
      problems.push(`${weightG} g überschreitet ${product.maxWeightG} g für ${product.name}`);
    }
  }
  if (order.status === 'cancelled') problems.push('Auftrag ist storniert');
  const addr = toImAddress(order.shipTo, 'Empfänger');
  if (!addr.ok) problems.push(...addr.problems);
  return {
    orderId: order.id, externalId: order.externalId, buyerName: order.shipTo.name || order.buyerName, country: order.shipTo.country, status: order.status,
    weightG, itemCount, productCode: pick.productCode, priceCents, problem: problems.join('; '), hasStamp,
  };
}

/**
 * Builds the cart lines. Refuses (with every problem named by order) rather than buying part of a
 * selection silently; an order with a live stamp needs the explicit override.
 */
export function planLines(core: AppCore, picks: Pick[], defaultProduct: number | undefined, allowSecondStamp: boolean): { lines: PlannedLine[]; totalCents: number } {
  const ids = picks.map((p) => p.orderId);
  if (new Set(ids).size !== ids.length) throw new AppError('VALIDATION', 'Ein Auftrag ist mehrfach ausgewählt.');
  const live = ordersWithLiveStamp(core.db, ids);
  const open = ordersInOpenPurchase(core.db, ids);
  const errors: string[] = [];
  const lines: PlannedLine[] = [];
  const day = berlinDay(core.clock.now());
  for (const p of picks) {
    const order = getOrder(core.db, p.orderId);
    if (!order) {
      errors.push(`Auftrag ${p.orderId}: nicht gefunden`);
      continue;
    }
    const label = `Auftrag ${order.externalId} (${p.orderId})`;
    if (open.has(order.id)) errors.push(`${label}: steckt in einem Kauf, dessen Ergebnis noch ungeklärt ist`);
    const stamp = live.get(order.id);
    if (stamp && !allowSecondStamp) {
      errors.push(`${label}: hat schon die Internetmarke ${stamp.voucher_id}. Eine zweite nur mit ausdrücklicher Bestätigung (--force / „Trotzdem kaufen“).`);
    }
    const info = describeOrder(core, order, p.productCode ?? defaultProduct, !!stamp);
    if (info.problem) {
      errors.push(`${label}: ${info.problem}`);
      continue;
    }
    const product = productByCode(info.productCode!)!;
    const receiver = toImAddress(order.shipTo, 'Empfänger');
    if (!receiver.ok) continue;
    lines.push({ orderId: order.id, order, productCode: product.code, productName: product.name, priceCents: priceOf(product.code, day)!, receiver: receiver.address });
  }
  if (errors.length) throw new AppError('FRANKING_REFUSED', `Nichts gekauft. ${errors.join(' | ')}`, { problems: errors });
  return { lines, totalCents: lines.reduce((s, l) => s + l.priceCents, 0) };
}

/** The sender printed in every stamp: the seller's company data. */
export function senderAddress(core: AppCore): ImAddress {
  const c = core.settings.company();
  const m = /^(.*?)\s+(\d+\s*[a-zA-Z]?(?:[-/]\d+\s*[a-zA-Z]?)?)$/.exec(c.street.trim());
  const r = toImAddress(
    {
      name: c.companyName || c.ownerName, company: c.companyName && c.ownerName ? '' : '', careOf: '', kind: 'street',
      street: m ? m[1]! : c.street, houseNumber: m ? m[2]! : '', addition: '', postNumber: '', zip: c.zip, city: c.city, country: c.country,
    },
    'Absender (Einstellungen → Firmendaten)',
  );
  if (!r.ok) throw new AppError('FRANKING_NO_SENDER', `Der Absender für die Marken ist unvollständig: ${r.problems.join('; ')}`);
  return r.address;
}
