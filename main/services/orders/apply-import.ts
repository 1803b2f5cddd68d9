import type { AppCore } from '../../app/core';
import { addHistory } from '../../db/repos/orders';
import { createOrderInserter, createOrderReader, existingIds, updateOrderContent, updateStatusTracking } from '../../db/repos/orders-write';
import { advancedStatus, type Order, type OrderDraft, type OrderStatus } from '../../../shared/domain/order';
import { addressWarnings } from '../../../shared/address/warnings';
import type { ImportConflict, ImportFileReport, ImportRejection } from '../../../shared/orders/import-report';
import type { ParseResult } from './importers/types';

/** Most rejections a report carries (the count stays exact): a 100,000-line wrong file must not make a 50 MB report. */
const MAX_LISTED = 1000;

/** Order fields an issued document depends on; a locked order keeps them and the difference is reported. */
const CONTENT: (keyof OrderDraft)[] = ['buyerName', 'buyerEmail', 'buyerVatId', 'shipTo', 'billTo', 'items', 'currency', 'shippingCents', 'totalCents', 'orderDate'];
const FIELD_DE: Record<string, string> = {
  buyerName: 'Käufer', buyerEmail: 'E-Mail', buyerVatId: 'USt-IdNr.', shipTo: 'Lieferadresse', billTo: 'Rechnungsadresse', items: 'Artikel',
  currency: 'Währung', shippingCents: 'Versandkosten', totalCents: 'Gesamtbetrag', orderDate: 'Bestelldatum',
};

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const contentOf = (o: Pick<OrderDraft, keyof OrderDraft>, k: keyof OrderDraft) =>
  k === 'items' ? o.items.map((i) => ({ ...i, weightGrams: null })) : o[k];

function statusChange(o: Order, d: Pick<OrderDraft, 'status' | 'trackingNumber' | 'carrier' | 'shippedAt'>) {
  // The marketplace may say "shipped" or "cancelled"; it never moves our own progress back.
  const status: OrderStatus = d.status === 'cancelled' && o.status !== 'shipped' ? 'cancelled' : advancedStatus(o.status, d.status);
  const trackingNumber = d.trackingNumber || o.trackingNumber;
  const carrier = d.carrier || o.carrier;
  const shippedAt = o.shippedAt ?? d.shippedAt;
  const changed = status !== o.status || trackingNumber !== o.trackingNumber || (!!d.trackingNumber && carrier !== o.carrier);
  return { changed, status, trackingNumber, carrier, shippedAt };
}

/**
 * Writes one parsed unit (a file, or joined files) in ONE transaction: new orders inserted, known ones
 * (channel + marketplace order id) updated or left alone, locked ones only get status/tracking and
 * their other differences reported. 'all or nothing': any rejected row → nothing is written.
 */
export function applyParsed(
  core: AppCore,
  parsed: ParseResult,
  meta: { file: string; format: string; formatLabel: string; allOrNothing: boolean },
): ImportFileReport {
  const now = core.nowIso();
  const rejections: ImportRejection[] = [...parsed.rejections];
  const conflicts: ImportConflict[] = [];
  const counts = { new: 0, updated: 0, unchanged: 0 };
  const changedIds: number[] = [];
  const write = () => {
    const insert = createOrderInserter(core.db);
    const getOrder = createOrderReader(core.db);
    const historyText = `Importiert aus ${meta.file} (${meta.formatLabel})`;
    const byChannel = new Map<string, string[]>();
    for (const p of parsed.orders) {
      const list = byChannel.get(p.draft.channel);
      if (list) list.push(p.draft.externalId);
      else byChannel.set(p.draft.channel, [p.draft.externalId]);
    }
    const known = new Map<string, number>();
    for (const [ch, ids] of byChannel) for (const [e, id] of existingIds(core.db, ch, ids)) known.set(`${ch}\u0000${e}`, id);

    for (const p of parsed.orders) {
      const d = p.draft;
      const key = `${d.channel}\u0000${d.externalId}`;
      const id = known.get(key);
      if (id === undefined) {
        const newId = insert(d, addressWarnings(d.shipTo, { hub: p.hub }), now, { action: 'import', detail: historyText });
        known.set(key, newId);
        counts.new++;
        continue;
      }
      const o = getOrder(id)!;
      const st = statusChange(o, d);
      const diff = CONTENT.filter((k) => !same(contentOf(o, k), contentOf(d, k)));
      if (o.locked) {
        if (diff.length) {
          conflicts.push({ orderId: id, externalId: d.externalId, fields: diff.map((k) => FIELD_DE[k] ?? k) });
          addHistory(core.db, id, 'import_conflict', `Import ${meta.file}: nicht übernommen (Beleg ausgestellt): ${diff.map((k) => FIELD_DE[k] ?? k).join(', ')}`, now);
        }
        if (st.changed) {
          updateStatusTracking(core.db, id, st, now);
          addHistory(core.db, id, 'import_update', describe(o, st), now);
          counts.updated++;
          changedIds.push(id);
        } else counts.unchanged++;
        continue;
      }
      if (!diff.length && !st.changed) {
        counts.unchanged++;
        continue;
      }
      updateOrderContent(core.db, id, { ...d, status: st.status, trackingNumber: st.trackingNumber, carrier: st.carrier, shippedAt: st.shippedAt }, addressWarnings(d.shipTo, { hub: p.hub }), now);
      addHistory(core.db, id, 'import_update', [diff.length ? `geändert: ${diff.map((k) => FIELD_DE[k] ?? k).join(', ')}` : '', st.changed ? describe(o, st) : ''].filter(Boolean).join('; '), now);
      counts.updated++;
      changedIds.push(id);
    }

    for (const patch of parsed.patches) {
      const id = known.get(`${patch.channel}\u0000${patch.externalId}`) ?? existingIds(core.db, patch.channel, [patch.externalId]).get(patch.externalId);
      if (id === undefined) {
        rejections.push({ file: patch.file, line: patch.line, field: 'AmazonOrderId', message: `Bestellung ${patch.externalId} ist weder in dieser Auswahl noch schon importiert (zuerst getOrder importieren)` });
        continue;
      }
      const o = getOrder(id)!;
      const next = { ...o, ...(patch.shipTo ? { shipTo: patch.shipTo } : {}), ...(patch.items ? { items: patch.items } : {}) };
      const diff = (['shipTo', 'items'] as const).filter((k) => !same(contentOf(o, k), contentOf(next, k)));
      if (!diff.length) counts.unchanged++;
      else if (o.locked) conflicts.push({ orderId: id, externalId: o.externalId, fields: diff.map((k) => FIELD_DE[k]!) });
      else {
        updateOrderContent(core.db, id, next, addressWarnings(next.shipTo), now);
        addHistory(core.db, id, 'import_update', `geändert: ${diff.map((k) => FIELD_DE[k]).join(', ')} (${meta.file})`, now);
        counts.updated++;
        changedIds.push(id);
      }
    }
  };

  let rolledBack = false;
  if (meta.allOrNothing && parsed.rejections.length) rolledBack = true;
  else {
    const tx = core.db.transaction(() => {
      write();
      // A patch without its order is a rejected row too: in 'all or nothing' the whole unit goes back.
      if (meta.allOrNothing && rejections.length) throw new RollBack();
    });
    try {
      tx();
    } catch (e) {
      if (!(e instanceof RollBack)) throw e;
      rolledBack = true;
    }
  }
  if (rolledBack) {
    counts.new = counts.updated = counts.unchanged = 0;
    conflicts.length = 0;
  }
  const total = parsed.orders.length + parsed.patches.length + rejectedOrders(parsed.rejections);
  return {
    file: meta.file, format: meta.format, formatLabel: meta.formatLabel, orders: total, ...counts,
    rejected: rejections.length, rolledBack, rejections: rejections.slice(0, MAX_LISTED), conflicts: conflicts.slice(0, MAX_LISTED), error: null,
  };
}

class RollBack extends Error {}
const rejectedOrders = (r: ImportRejection[]) => r.length;

function describe(o: Order, st: { status: string; trackingNumber: string }): string {
  const parts: string[] = [];
  if (st.status !== o.status) parts.push(`Status ${o.status} → ${st.status}`);
  if (st.trackingNumber !== o.trackingNumber) parts.push(`Sendungsnummer ${st.trackingNumber}`);
  return parts.join(', ') || 'Versanddaten aktualisiert';
}
