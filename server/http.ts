import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ZodError, type z } from 'zod';
import { ConflictError, Ledger } from './ledger';
import { renderFeeInvoicePdf, type Issuer } from './pdf';
import type { BillingStorage, StoredInvoice } from './storage/types';
import { RegisterRequest, UsageRequest, WireBillingDetails, type InvoicesResponse, type WireInvoice } from '../shared/fees/api';
import { isMonth } from '../shared/fees/rules';

const MAX_BODY = 2 * 1024 * 1024;

export type ServerOptions = {
  storage: BillingStorage;
  now?: () => Date;
  issuer: Issuer;
  log?: (event: string, data?: Record<string, unknown>) => void;
  /** How often ended months are closed for all accounts (ms); 0 = only on requests. */
  closeEveryMs?: number;
};

class HttpError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

const wireInvoice = (i: StoredInvoice): WireInvoice => ({
  number: i.number, invoiceDay: i.invoiceDay, dueDay: i.dueDay, periodFrom: i.periodFrom, periodTo: i.periodTo,
  netCents: i.netCents, vatCents: i.vatCents, grossCents: i.grossCents, orders: i.orders,
});

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > MAX_BODY) throw new HttpError(413, 'TOO_LARGE', 'Anfrage zu groß');
    chunks.push(c as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
  } catch {
    throw new HttpError(400, 'BAD_JSON', 'Kein gültiges JSON');
  }
}

function parse<T extends z.ZodType>(schema: T, v: unknown): z.infer<T> {
  const r = schema.safeParse(v);
  if (!r.success) throw new HttpError(400, 'VALIDATION', r.error.issues.map((i) => `${i.path.join('.') || '(Eingabe)'}: ${i.message}`).join('; '));
  return r.data;
}

/**
 * The billing service over HTTP. Routes (JSON unless noted; all but registration need
 * `Authorization: Bearer <token>`, and every read or write is scoped to that token's account):
 *   POST /v1/accounts                     register (idempotent), trial start
 *   GET  /v1/account                      account + trial + server time
 *   PUT  /v1/account/billing-details      billing address + SEPA mandate
 *   POST /v1/usage                        usage events (idempotent by key and by order)
 *   GET  /v1/fees/YYYY-MM                 the month's fees by the shared rules
 *   GET  /v1/invoices                     fee invoices (+ open fees)
 *   GET  /v1/invoices/NUMBER/pdf          the invoice PDF
 *   GET  /healthz
 */
export function createBillingServer(opts: ServerOptions) {
  const now = opts.now ?? (() => new Date());
  const ledger = new Ledger(opts.storage, now);
  const log = opts.log ?? (() => undefined);

  const send = (res: ServerResponse, status: number, body: unknown) => {
    const s = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(s), 'cache-control': 'no-store' });
    res.end(s);
  };

  const auth = (req: IncomingMessage): string => {
    const h = req.headers.authorization ?? '';
    const m = /^Bearer\s+(\S+)$/.exec(h);
    const id = m ? ledger.authenticate(m[1]!) : null;
    if (!id) throw new HttpError(401, 'UNAUTHORIZED', 'API-Schlüssel fehlt oder ist unbekannt');
    return id;
  };

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    const method = req.method ?? 'GET';
    if (method === 'GET' && path === '/healthz') return send(res, 200, { ok: true, serverNow: now().toISOString() });
    if (method === 'POST' && path === '/v1/accounts') {
      const body = parse(RegisterRequest, await readJson(req));
      const { account, created } = ledger.register(body);
      log('account.registered', { accountId: account.accountId, created });
      return send(res, created ? 201 : 200, account);
    }
    const accountId = auth(req);
    if (method === 'GET' && path === '/v1/account') return send(res, 200, ledger.view(accountId));
    if (method === 'PUT' && path === '/v1/account/billing-details') {
      const d = parse(WireBillingDetails, await readJson(req));
      opts.storage.setBillingDetails(accountId, d, now().toISOString());
      return send(res, 200, ledger.view(accountId));
    }
    if (method === 'POST' && path === '/v1/usage') {
      const body = parse(UsageRequest, await readJson(req));
      const r = opts.storage.ingestUsage(accountId, body.events, now().toISOString());
      log('usage.ingested', { accountId, ...r });
      // Months are closed when invoices are read (the app does so after every sync) and hourly.
      return send(res, 200, { ...r, serverNow: now().toISOString() });
    }
    const fm = /^\/v1\/fees\/([^/]+)$/.exec(path);
    if (method === 'GET' && fm) {
      const month = decodeURIComponent(fm[1]!);
      if (!isMonth(month)) throw new HttpError(400, 'VALIDATION', `Monat „${month}“: JJJJ-MM erwartet`);
      return send(res, 200, { ...ledger.monthFees(accountId, month), serverNow: now().toISOString() });
    }
    if (method === 'GET' && path === '/v1/invoices') {
      ledger.closeMonths(accountId);
      const body: InvoicesResponse = {
        invoices: opts.storage.listInvoices(accountId).map(wireInvoice),
        openCents: ledger.open(accountId).openCents,
        serverNow: now().toISOString(),
      };
      return send(res, 200, body);
    }
    const pm = /^\/v1\/invoices\/([^/]+)\/pdf$/.exec(path);
    if (method === 'GET' && pm) {
      const number = decodeURIComponent(pm[1]!);
      const inv = opts.storage.getInvoice(accountId, number);
      if (!inv) throw new HttpError(404, 'NOT_FOUND', `Rechnung ${number} nicht gefunden`);
      let pdf = opts.storage.getInvoicePdf(accountId, number);
      if (!pdf) {
        // Rendered once from the frozen invoice data, then kept: later downloads are byte-identical.
        opts.storage.saveInvoicePdf(accountId, number, await renderFeeInvoicePdf(inv, opts.issuer));
        pdf = opts.storage.getInvoicePdf(accountId, number)!;
      }
      res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': pdf.byteLength, 'content-disposition': `attachment; filename="${number}.pdf"` });
      res.end(Buffer.from(pdf));
      return;
    }
    throw new HttpError(404, 'NOT_FOUND', `Unbekannter Pfad: ${method} ${path}`);
  }

  const server: Server = createServer((req, res) => {
    route(req, res).catch((e: unknown) => {
      if (e instanceof HttpError) return send(res, e.status, { error: { code: e.code, message: e.message } });
      if (e instanceof ConflictError) return send(res, 409, { error: { code: 'CONFLICT', message: e.message } });
      if (e instanceof ZodError) return send(res, 400, { error: { code: 'VALIDATION', message: e.message } });
      log('request.failed', { error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
      send(res, 500, { error: { code: 'INTERNAL', message: 'Interner Fehler des Abrechnungsdienstes' } });
    });
  });

  let timer: NodeJS.Timeout | null = null;
  if (opts.closeEveryMs && opts.closeEveryMs > 0) {
    timer = setInterval(() => {
      try {
        for (const inv of ledger.closeAllAccounts()) log('invoice.issued', { number: inv.number, accountId: inv.accountId, netCents: inv.netCents });
      } catch (e) {
        log('close.failed', { error: e instanceof Error ? e.message : String(e) });
      }
    }, opts.closeEveryMs);
    timer.unref();
  }

  return {
    server,
    ledger,
    listen(port: number, host = '127.0.0.1'): Promise<number> {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
      });
    },
    close(): Promise<void> {
      if (timer) clearInterval(timer);
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
