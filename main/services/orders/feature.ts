import type { AppCore } from '../../app/core';
import type { FeatureHandlers } from '../../ipc/feature-handlers';
import type { ordersChannels } from '../../../shared/ipc/channels/orders';
import { AppError } from '../../../shared/errors';
import { OrderFilter, OrderListQuery, type OrderFilterInput, type OrderListQueryInput, type OrderSort } from '../../../shared/orders/query';
import { ImportReport } from '../../../shared/orders/import-report';
import { addressWarnings, labelLines } from '../../../shared/address/warnings';
import { splitStreet } from '../../../shared/address/street';
import { addHistory, advanceOrderStatus, getHistory, getOrder, lockOrder } from '../../db/repos/orders';
import { listOrderIds, listOrders, orderFacets } from '../../db/repos/orders-list';
import { deleteMapping, importReportsOfJob, listMappings, saveMapping } from '../../db/repos/orders-imports';
import type { OrderStatus } from '../../../shared/domain/order';
import { formats } from './importers/registry';
import { combine, IMPORT_JOB, prepareImport, registerImportJob, type ImportOptions } from './import-job';
import { markShipped } from './ship';
import { trackingExport } from './tracking-export';
import { createManualOrder, updateManualOrder } from './manual';

/** Builds the orders capability: its services and its IPC handlers. */
export function createOrdersFeature(core: AppCore) {
  const changed = (reason: string, ids?: number[]) => core.events.emit('orders:changed', { reason, ids });
  registerImportJob(core, () => changed('import'));

  /** What other capabilities use (documents, labels, franking, exports). Stable: extend, never change. */
  const orders = {
    get: (id: number) => getOrder(core.db, id),
    getOrThrow(id: number) {
      const o = getOrder(core.db, id);
      if (!o) throw new AppError('NOT_FOUND', `Auftrag ${id} nicht gefunden`);
      return o;
    },
    history: (id: number) => getHistory(core.db, id),
    list: (q: OrderListQueryInput = {}) => listOrders(core.db, OrderListQuery.parse(q)),
    ids: (f: OrderFilterInput & { sort?: OrderSort; dir?: 'asc' | 'desc' } = {}) =>
      listOrderIds(core.db, { ...OrderFilter.parse(f), sort: f.sort ?? 'orderDate', dir: f.dir ?? 'desc' }),
    addHistory: (id: number, action: string, detail: string) => addHistory(core.db, id, action, detail, core.nowIso()),
    advanceStatus: (id: number, next: OrderStatus) => {
      const s = advanceOrderStatus(core.db, id, next, core.nowIso());
      changed('status', [id]);
      return s;
    },
    lock: (id: number) => lockOrder(core.db, id, core.nowIso()),
    markShipped: (ids: number[], trackingNumber = '', carrier = '') => {
      const r = markShipped(core, ids, trackingNumber, carrier);
      if (r.shipped.length) changed('shipped', r.shipped);
      return r;
    },
    /** Import files and wait for the result (CLI, tests, benches). */
    async importFiles(files: { name: string; bytes: Uint8Array }[], opts: ImportOptions = {}) {
      const { payload, refs } = prepareImport(core, files, opts);
      const job = await core.jobs.run(IMPORT_JOB, payload, refs);
      return { job, report: ImportReport.parse(job.result ?? combine(importReportsOfJob(core.db, job.id))) };
    },
    /** Import in the background; progress via 'job:progress'. */
    startImport(files: { name: string; bytes: Uint8Array }[], opts: ImportOptions = {}) {
      const { payload, refs } = prepareImport(core, files, opts);
      return core.jobs.start(IMPORT_JOB, payload, refs);
    },
    trackingExport: (target: 'ebay' | 'amazon', ids?: number[]) => trackingExport(core, target, ids),
  };

  const handlers: FeatureHandlers<typeof ordersChannels> = {
    'orders:list': (q) => {
      const r = listOrders(core.db, q);
      return { ...r, offset: q.offset };
    },
    'orders:ids': (f) => ({ ids: listOrderIds(core.db, f) }),
    'orders:facets': () => orderFacets(core.db),
    'orders:get': ({ id }) => ({ order: orders.getOrThrow(id), history: getHistory(core.db, id) }),
    'orders:create': (d) => {
      const o = createManualOrder(core, d);
      changed('created', [o.id]);
      return o;
    },
    'orders:update': ({ id, draft }) => {
      const o = updateManualOrder(core, id, draft);
      changed('edited', [o.id]);
      return o;
    },
    'orders:ship': ({ ids, trackingNumber, carrier }) => orders.markShipped(ids, trackingNumber, carrier),
    'orders:address:check': (a) => ({ warnings: addressWarnings(a), lines: labelLines(a) }),
    'orders:address:split': ({ line }) => splitStreet(line),
    'orders:formats': () => formats.map((f) => ({ id: f.id, label: f.label, hint: f.hint })),
    'orders:import': ({ files, format, allOrNothing, mapping }) =>
      orders.startImport(
        files.map((f) => ({ name: f.name, bytes: Buffer.from(f.dataBase64, 'base64') })),
        { format, allOrNothing, mapping },
      ),
    'orders:import:report': ({ jobId }) => {
      const files = importReportsOfJob(core.db, jobId);
      return files.length ? combine(files) : null;
    },
    'orders:tracking:export': ({ target, ids }) => trackingExport(core, target, ids),
    'orders:mappings:list': () => listMappings(core.db),
    'orders:mappings:save': (m) => {
      saveMapping(core.db, m, core.nowIso());
      return m;
    },
    'orders:mappings:delete': ({ name }) => ({ deleted: deleteMapping(core.db, name) }),
  };
  return { handlers, orders };
}
export type OrdersFeature = ReturnType<typeof createOrdersFeature>;
export type OrdersService = OrdersFeature['orders'];
