import type { AppCore } from '../../app/core';
import { AppError } from '../../../shared/errors';
import { OrderDraft, type Order } from '../../../shared/domain/order';
import { addressWarnings } from '../../../shared/address/warnings';
import { addHistory, findOrderId, getOrder, insertOrder } from '../../db/repos/orders';
import { nextManualNumber, setBuyerReference, updateOrderContent } from '../../db/repos/orders-write';
import type { z } from 'zod';
import type { ManualOrderDraft } from '../../../shared/ipc/channels/orders';

type Input = z.output<typeof ManualOrderDraft>;

/** Manual orders (phone, market stall, e-mail): created and edited here; editing stops at the first issued document. */
export function createManualOrder(core: AppCore, input: Input): Order {
  return core.db.transaction(() => {
    const externalId = input.externalId.trim() || nextManualNumber(core.db);
    if (findOrderId(core.db, input.channel, externalId) !== null) {
      throw new AppError('DUPLICATE', `Es gibt schon einen Auftrag ${externalId} (${input.channel}). Bitte eine andere Auftragsnummer wählen.`);
    }
    const d = OrderDraft.parse({ ...input, externalId });
    const now = core.nowIso();
    const id = insertOrder(core.db, d, addressWarnings(d.shipTo), now);
    addHistory(core.db, id, 'created', 'Von Hand angelegt', now);
    return getOrder(core.db, id)!;
  })();
}

export function updateManualOrder(core: AppCore, id: number, input: Input): Order {
  return core.db.transaction(() => {
    const cur = getOrder(core.db, id);
    if (!cur) throw new AppError('NOT_FOUND', `Auftrag ${id} nicht gefunden`);
    if (cur.locked) {
      throw new AppError('ORDER_LOCKED', `Auftrag ${cur.externalId} kann nicht mehr geändert werden: es wurde schon ein Beleg ausgestellt. Korrekturen nur über eine Stornorechnung.`);
    }
    const d = OrderDraft.parse({ ...input, channel: cur.channel, externalId: cur.externalId, status: input.status ?? cur.status });
    const now = core.nowIso();
    updateOrderContent(core.db, id, d, addressWarnings(d.shipTo), now);
    setBuyerReference(core.db, id, d.buyerReference, now);
    addHistory(core.db, id, 'edited', 'Von Hand geändert', now);
    return getOrder(core.db, id)!;
  })();
}
