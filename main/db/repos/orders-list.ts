import type { Statement } from 'better-sqlite3';
import type { Db } from '../types';
import type { OrderFilter, OrderListQuery, OrderListRow, OrderSort } from '../../../shared/orders/query';
import type { Channel, OrderStatus } from '../../../shared/domain/order';

/**
 * The order list at 100,000 orders: FTS5 for the search box, indexes for filters and sorting,
 * LIMIT/OFFSET pages and the total count of matches. All list SQL lives here.
 */

/** Compiled statements per database: a list page is asked for on every scroll step, compiling SQL each time costs more than running it. */
const stmtCache = new WeakMap<Db, Map<string, Statement<unknown[]>>>();
function prep(db: Db, sql: string) {
  let m = stmtCache.get(db);
  if (!m) stmtCache.set(db, (m = new Map()));
  let st = m.get(sql);
  if (!st) {
    if (m.size > 200) m.clear();
    m.set(sql, (st = db.prepare(sql)));
  }
  return st;
}

const SORT_SQL: Record<OrderSort, string> = {
  orderDate: 'o.order_date',
  status: 'o.status',
  channel: 'o.channel',
  externalId: 'o.external_id',
  buyerName: 'o.buyer_name COLLATE NOCASE',
  country: 'o.ship_country',
  itemCount: 'o.item_count',
  totalCents: 'o.total_cents',
};

/**
 * User text → FTS5 query: every word must match, the last token of each as a prefix ("mül ber" finds
 * "Müller, Berlin"). A word with separators ("06-13875-11402", "WRAP-3") is a phrase, so its parts
 * must stand together in that order.
 */
export function ftsQuery(search: string): string | null {
  const words = search
    .normalize('NFC')
    .split(/\s+/)
    .map((w) => w.split(/[^\p{L}\p{N}]+/u).filter(Boolean).join(' '))
    .filter(Boolean)
    .slice(0, 12);
  if (words.length === 0) return null;
  return words.map((w) => `"${w}"*`).join(' ');
}

/** Berlin calendar day → UTC instant of its start (handles DST by asking Intl). */
function berlinDayStartUtc(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const guess = Date.UTC(y, m - 1, d, 0, 0);
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', hour: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(guess));
  const hour = Number(parts.find((p) => p.type === 'hour')!.value);
  return new Date(guess - hour * 3600_000).toISOString();
}
const nextDay = (day: string) => new Date(Date.parse(`${day}T12:00:00Z`) + 86400_000).toISOString().slice(0, 10);

/**
 * `viaSortIndex`: the filter terms are written as `+column` so SQLite cannot use their indexes and walks
 * the sort column's index instead, stopping after one page — right when many orders match (sorting
 * 20,000 matches by total costs far more than reading the first 100 of the total index).
 */
function where(f: OrderFilter, viaSortIndex = false): { sql: string; params: unknown[]; fts: boolean } {
  const c = (col: string) => (viaSortIndex ? `+${col}` : col);
  const conds: string[] = [];
  const params: unknown[] = [];
  const q = ftsQuery(f.search);
  if (q) {
    conds.push('orders_fts MATCH ?');
    params.push(q);
  }
  if (f.statuses.length) {
    conds.push(`${c('o.status')} IN (${f.statuses.map(() => '?').join(',')})`);
    params.push(...f.statuses);
  }
  if (f.channels.length) {
    conds.push(`${c('o.channel')} IN (${f.channels.map(() => '?').join(',')})`);
    params.push(...f.channels);
  }
  if (f.dateFrom) {
    conds.push(`${c('o.order_date')} >= ?`);
    params.push(berlinDayStartUtc(f.dateFrom));
  }
  if (f.dateTo) {
    conds.push(`${c('o.order_date')} < ?`);
    params.push(berlinDayStartUtc(nextDay(f.dateTo)));
  }
  if (f.onlyWarnings) conds.push("o.warnings <> '[]'");
  // With a search, the FTS hits drive the query (a few hundred rows) instead of scanning 100,000 orders.
  // CROSS JOIN pins the order (SQLite never reorders it): FTS first, then the orders by rowid.
  const from = q ? 'orders_fts CROSS JOIN orders o ON o.id = orders_fts.rowid' : 'orders o';
  return { sql: `FROM ${from} ${conds.length ? `WHERE ${conds.join(' AND ')}` : ''}`, params, fts: !!q };
}

const orderBy = (sort: OrderSort, dir: 'asc' | 'desc') => `ORDER BY ${SORT_SQL[sort]} ${dir.toUpperCase()}, o.id ${dir.toUpperCase()}`;

type Row = {
  id: number; channel: Channel; marketplace: string; external_id: string; status: OrderStatus; order_date: string;
  buyer_name: string; ship_name: string | null; ship_country: string; item_count: number; first_item: string | null;
  total_cents: number; currency: string; warning_count: number; tracking_number: string; locked: number;
};

export function listOrders(db: Db, q: OrderListQuery): { total: number; rows: OrderListRow[] } {
  const w = where(q);
  const total = (prep(db, `SELECT count(*) AS n ${w.sql}`).get(...w.params) as { n: number }).n;
  // Two steps: the page's ids first (the sorter carries only ids), then the columns of those 100 rows —
  // computing json_extract and the first item for every match before sorting is what makes lists slow.
  const filtered = q.statuses.length + q.channels.length > 0 || q.dateFrom || q.dateTo || q.onlyWarnings;
  const p = q.sort !== 'orderDate' && !w.fts && filtered && total > 2000 ? where(q, true) : w;
  const ids = prep(db, `SELECT o.id ${p.sql} ${orderBy(q.sort, q.dir)} LIMIT ? OFFSET ?`).pluck().all(...p.params, q.limit, q.offset) as number[];
  if (ids.length === 0) return { total, rows: [] };
  const found = prep(
      db,
      `SELECT o.id, o.channel, o.marketplace, o.external_id, o.status, o.order_date, o.buyer_name,
              json_extract(o.ship_to, '$.name') AS ship_name, o.ship_country, o.item_count,
              (SELECT title FROM order_items i WHERE i.order_id = o.id ORDER BY position LIMIT 1) AS first_item,
              o.total_cents, o.currency, json_array_length(o.warnings) AS warning_count, o.tracking_number, o.locked
       FROM orders o WHERE o.id IN (SELECT value FROM json_each(?))`,
    ).all(JSON.stringify(ids)) as Row[];
  const byId = new Map(found.map((r) => [r.id, r]));
  const rows = ids.map((id) => byId.get(id)).filter((r): r is Row => !!r);
  return {
    total,
    rows: rows.map((r) => ({
      id: r.id, channel: r.channel, marketplace: r.marketplace, externalId: r.external_id, status: r.status, orderDate: r.order_date,
      buyerName: r.buyer_name, shipName: r.ship_name ?? '', country: r.ship_country, itemCount: r.item_count, firstItem: r.first_item ?? '',
      totalCents: r.total_cents, currency: r.currency, warningCount: r.warning_count, trackingNumber: r.tracking_number, locked: r.locked === 1,
    })),
  };
}

/** Every id matching the filter, in list order: selecting all matches without loading rows. */
export function listOrderIds(db: Db, f: OrderFilter & { sort: OrderSort; dir: 'asc' | 'desc' }): number[] {
  const w = where(f);
  return prep(db, `SELECT o.id ${w.sql} ${orderBy(f.sort, f.dir)}`).pluck().all(...w.params) as number[];
}

export function orderFacets(db: Db): { total: number; channels: { channel: Channel; count: number }[]; statuses: { status: OrderStatus; count: number }[] } {
  const channels = db.prepare('SELECT channel, count(*) AS count FROM orders GROUP BY channel ORDER BY count DESC').all() as { channel: Channel; count: number }[];
  const statuses = db.prepare('SELECT status, count(*) AS count FROM orders GROUP BY status').all() as { status: OrderStatus; count: number }[];
  return { total: channels.reduce((s, c) => s + c.count, 0), channels, statuses };
}
