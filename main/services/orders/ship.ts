import type { AppCore } from '../../app/core';
import { addHistory } from '../../db/repos/orders';
import { orderLockAndStatus, updateStatusTracking } from '../../db/repos/orders-write';
import { getOrder } from '../../db/repos/orders';

export type ShipResult = { shipped: number[]; skipped: { id: number; reason: string }[] };

/**
 * "Versendet": with or without a tracking number. Allowed on locked orders too — shipping changes no
 * issued document. Each order in its own transaction so one bad id does not stop the batch.
 */
export function markShipped(core: AppCore, ids: number[], trackingNumber = '', carrier = ''): ShipResult {
  const out: ShipResult = { shipped: [], skipped: [] };
  const tracking = trackingNumber.replace(/\s+/g, '');
  if (tracking && ids.length > 1) {
    // One parcel number for many orders is almost always a paste mistake.
    return { shipped: [], skipped: ids.map((id) => ({ id, reason: 'Eine Sendungsnummer gilt für genau einen Auftrag — bitte einzeln versenden' })) };
  }
  for (const id of ids) {
    core.db.transaction(() => {
      const cur = orderLockAndStatus(core.db, id);
      if (!cur) return void out.skipped.push({ id, reason: `Auftrag ${id} nicht gefunden` });
      if (cur.status === 'cancelled') return void out.skipped.push({ id, reason: 'Auftrag ist storniert' });
      const o = getOrder(core.db, id)!;
      const now = core.nowIso();
      if (o.status === 'shipped' && (!tracking || tracking === o.trackingNumber)) return void out.skipped.push({ id, reason: 'bereits versendet' });
      updateStatusTracking(core.db, id, { status: 'shipped', trackingNumber: tracking || o.trackingNumber, carrier: carrier || o.carrier, shippedAt: o.shippedAt ?? now }, now);
      addHistory(core.db, id, 'shipped', tracking ? `Versendet, Sendungsnummer ${tracking}${carrier ? ` (${carrier})` : ''}` : 'Versendet (ohne Sendungsnummer)', now);
      out.shipped.push(id);
    })();
  }
  return out;
}
