import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { randomBytes } from 'node:crypto';
import { zipSync } from 'fflate';
import { FAKE_PAGE_FORMATS, FAKE_PPL, stampPdf, stampPng, type StampSpec } from './internetmarke-fixtures';

/**
 * A fake Deutsche Post Internetmarke REST API v1 on 127.0.0.1 that follows
 * reference/internetmarke-api.md: form login with the walletBalance, Bearer checks, catalog, cart,
 * PDF and PNG (ZIP) checkout with the checks in the order of §1.9, the walletBallance typo, the
 * duplicate-shopOrderId guard, retrieve, asynchronous retoure, wallet top-up, and all three error
 * body shapes. It keeps a Portokasse LEDGER so tests can assert exactly one charge per stamp, and
 * it can fail at every step on request.
 */

export const IM_BASE_PATH = '/post/de/shipping/im/v1';

export type Fault =
  | 'drop-before' // connection closed, request not processed
  | 'drop-after-charge' // processed (money moved), then the connection is closed without an answer
  | 'status-500' // 500, not processed
  | 'status-500-after-charge' // processed, then 500
  | 'hang-after-charge' // processed, then no answer at all (client times out / gets killed)
  | 'expire-token' // every token becomes invalid just before this request
  | 'quota-exceeded'
  | 'drain-wallet'; // the Portokasse is emptied elsewhere just before this request (balance too low)
export type Step = 'auth' | 'init' | 'checkout' | 'retrieve' | 'retoure' | 'retoure-state' | 'wallet' | 'catalog' | 'document';

export type LedgerEntry = { kind: 'charge' | 'refund' | 'topup'; amountCents: number; shopOrderId: string; voucherIds: string[]; balanceAfter: number };
type Cart = { shopOrderId: string; state: 'initialised' | 'checked_out'; response?: Record<string, unknown>; docKey?: string; docType?: string };
type VoucherRec = { voucherId: string; trackId: string | null; shopOrderId: string; productCode: number; price: number; boughtAtMs: number; state: 'sold' | 'refund_open' | 'refunded' };
type Retoure = { shopRetoureId: string; retoureTransactionId: number; vouchers: string[]; polls: number; done: boolean; refunded: string[]; notRefunded: string[]; price: number; createdMs: number };

export type FakeImOptions = {
  clientId?: string; clientSecret?: string; username?: string; password?: string;
  balanceCents?: number; approved?: boolean; tokenLifetimeS?: number; serial?: string;
  /** How many GET /app/retoure polls report the stamps as still open before they are processed. */
  retoureOpenPolls?: number;
  now?: () => number;
};

export class FakeInternetmarke {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly username: string;
  readonly password: string;
  balanceCents: number;
  approved: boolean;
  readonly ledger: LedgerEntry[] = [];
  readonly requests: { method: string; path: string; auth?: string }[] = [];
  readonly vouchers = new Map<string, VoucherRec>();
  private faults: { step: Step; fault: Fault; after: number }[] = [];
  private tokens = new Map<string, number>();
  private carts = new Map<string, Cart>();
  private docs = new Map<string, { type: string; body: Uint8Array }>();
  private retoures = new Map<string, Retoure>();
  private seq = 98276337;
  private voucherSeq = 0x100;
  private hanging = new Set<ServerResponse>();
  private sockets = new Set<Socket>();
  private server: Server | null = null;
  private now: () => number;
  private serial: string;
  origin = '';

  constructor(private opts: FakeImOptions = {}) {
    this.clientId = opts.clientId ?? 'portodesk-app-key';
    this.clientSecret = opts.clientSecret ?? 'portodesk-app-secret';
    this.username = opts.username ?? 'haendler@example.de';
    this.password = opts.password ?? 'geheim-123';
    this.balanceCents = opts.balanceCents ?? 10_000;
    this.approved = opts.approved ?? true;
    this.now = opts.now ?? Date.now;
    this.serial = opts.serial ?? 'A0012345FE';
  }

  get url(): string {
    return this.origin + IM_BASE_PATH;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res).catch((e) => this.json(res, 500, { statusCode: '500', title: 'Internal Server Error', detail: String(e) })));
    this.server.on('connection', (s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    const addr = this.server.address();
    this.origin = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
    return this;
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise((r) => this.server?.close(r));
  }

  /** The next request at `step` fails this way (`times` times), after letting `after` requests at that step pass. */
  inject(step: Step, fault: Fault, times = 1, after = 0): void {
    for (let i = 0; i < times; i++) this.faults.push({ step, fault, after });
  }

  expireAllTokens(): void {
    this.tokens.clear();
  }

  charges(): LedgerEntry[] {
    return this.ledger.filter((l) => l.kind === 'charge');
  }

  /** Resolves once a checkout reached the server and the money was taken. */
  waitForCharge(count = 1, timeoutMs = 20_000): Promise<void> {
    const t0 = Date.now();
    return new Promise((resolve, reject) => {
      const tick = () => {
        if (this.charges().length >= count) return resolve();
        if (Date.now() - t0 > timeoutMs) return reject(new Error('no charge arrived'));
        setTimeout(tick, 20);
      };
      tick();
    });
  }

  private takeFault(step: Step): Fault | null {
    const i = this.faults.findIndex((f) => f.step === step && f.after === 0);
    const taken = i < 0 ? null : this.faults.splice(i, 1)[0]!.fault;
    // This request counts for every fault of the step that is still waiting its turn.
    for (const g of this.faults) if (g.step === step && g.after > 0) g.after -= 1;
    return taken;
  }

  // --- HTTP plumbing --------------------------------------------------------------------------------
  private json(res: ServerResponse, status: number, body: unknown): void {
    if (res.headersSent || res.destroyed) return;
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  }
  /** v1.30 shape. */
  private err130(res: ServerResponse, status: number, title: string, detail: string): void {
    this.json(res, status, { statusCode: String(status), title, detail });
  }
  /** Shape the live service sends for cart validation: description + PCF instance. */
  private errLive(res: ServerResponse, status: number, title: string, description: string, instance: string): void {
    this.json(res, status, { statusCode: String(status), title, description, instance });
  }

  private async body(req: IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.origin);
    const method = req.method ?? 'GET';
    this.requests.push({ method, path: url.pathname + url.search, auth: req.headers.authorization });
    if (url.pathname === '/PcfExtensionWeb/document') {
      const f = this.takeFault('document');
      if (f === 'drop-before') return void req.socket.destroy();
      if (f) return void res.writeHead(500).end('Internal Server Error');
      const doc = this.docs.get(url.searchParams.get('data') ?? '');
      if (!doc) return void res.writeHead(404).end('Not Found');
      return void res.writeHead(200, { 'content-type': doc.type }).end(Buffer.from(doc.body));
    }
    if (!url.pathname.startsWith(IM_BASE_PATH)) return void res.writeHead(404).end('Not Found');
    const path = url.pathname.slice(IM_BASE_PATH.length) || '/';
    const raw = await this.body(req);

    if (method === 'GET' && path === '/') return this.json(res, 200, { amp: { name: 'pp-post-internetmarke', version: 'v1.1.18', rev: '35', env: 'fake' } });
    if (method === 'POST' && path === '/user') return this.auth(res, raw);

    const step: Step | null =
      path === '/app/shoppingcart' && method === 'POST' ? 'init'
        : /^\/app\/shoppingcart\/(pdf|png)$/.test(path) ? 'checkout'
          : path.startsWith('/app/shoppingcart/') && method === 'GET' ? 'retrieve'
            : path === '/app/retoure' && method === 'POST' ? 'retoure'
              : path === '/app/retoure' && method === 'GET' ? 'retoure-state'
                : path === '/app/wallet' ? 'wallet'
                  : path === '/app/catalog' ? 'catalog' : null;
    const fault = step ? this.takeFault(step) : null;
    if (fault === 'expire-token') this.expireAllTokens();
    if (fault === 'drain-wallet') this.balanceCents = 50;
    if (fault === 'drop-before') return void req.socket.destroy();
    if (fault === 'status-500') return this.err130(res, 500, 'Internal Server Error', 'An unexpected error occurred. Please contact support if the issue persists.');

    // Bearer check on every /app/* and /user/profile call.
    const auth = req.headers.authorization;
    if (!auth) return this.err130(res, 400, 'Bad Request', "Required request header 'Authorization' for method parameter type String is not present");
    const token = /^Bearer (.+)$/.exec(auth)?.[1] ?? '';
    const exp = this.tokens.get(token);
    if (exp === undefined || exp <= this.now()) {
      // Gateway style (≤ v1.27 example): numeric status.
      return this.json(res, 401, { status: 401, title: 'Unauthorized', detail: 'Unauthorized, user account is not valid, is locked, the provided authorization token is not valid or the application is not authorized by user.' });
    }

    const afterCharge = async (send: () => void) => {
      if (fault === 'drop-after-charge') return void req.socket.destroy();
      if (fault === 'status-500-after-charge') return this.err130(res, 500, 'Internal Server Error', 'An unexpected error occurred. Please contact support if the issue persists.');
      if (fault === 'hang-after-charge') return void this.hanging.add(res);
      send();
    };

    if (method === 'GET' && path === '/user/profile') {
      return this.json(res, 200, { ekp: '6123456789', company: 'Kiste & Karton e.K.', salutation: 'Frau', title: '', invoiceType: 'ONLINE', invoiceFrequency: 'DAILY',
        mail: this.username, firstname: 'Erika', lastname: 'Händler', street: 'Hauptstrasse', houseNo: '5', zip: '33602', city: 'Bielefeld', country: 'DEU',
        phone: null, pobox: null, poboxZip: null, poboxCity: null });
    }
    if (step === 'catalog') {
      const types = url.searchParams.getAll('types');
      if (types.length === 0) return this.err130(res, 400, 'Bad Request', "Required request parameter 'types' is not present");
      return this.json(res, 200, {
        ...(types.includes('PAGE_FORMATS') ? { pageFormats: FAKE_PAGE_FORMATS } : {}),
        ...(types.includes('PUBLIC') ? { publicCatalog: { items: [] }, contractProducts: { products: [] } } : {}),
      });
    }
    if (step === 'init') {
      const id = String(this.seq++);
      this.carts.set(id, { shopOrderId: id, state: 'initialised' });
      return afterCharge(() => this.json(res, 200, { shopOrderId: id }));
    }
    if (step === 'checkout') return this.checkout(req, res, url, path.endsWith('png') ? 'png' : 'pdf', raw, afterCharge);
    if (step === 'retrieve') {
      const id = decodeURIComponent(path.slice('/app/shoppingcart/'.length));
      const cart = this.carts.get(id);
      if (!cart || cart.state !== 'checked_out') return this.err130(res, 404, 'Not Found', `Order not found: ${id}`);
      const key = this.newDoc(this.docs.get(cart.docKey!)!);
      return this.json(res, 200, { ...cart.response, link: this.docLink(key), walletBallance: null, manifestLink: null });
    }
    if (step === 'retoure') return this.retoure(res, raw, afterCharge);
    if (step === 'retoure-state') return this.retoureState(res, url);
    if (step === 'wallet' && method === 'PUT') {
      const amount = Number(url.searchParams.get('amount'));
      if (!Number.isInteger(amount) || amount < 1) return this.err130(res, 400, 'Bad Request', 'amount: must be greater than or equal to 1');
      if (fault === 'quota-exceeded') return this.err130(res, 400, 'quotaExceeded', `Error while processing charging request for serialnumber '${this.serial}'`);
      this.balanceCents += amount;
      const id = String(this.seq++);
      this.ledger.push({ kind: 'topup', amountCents: amount, shopOrderId: id, voucherIds: [], balanceAfter: this.balanceCents });
      return afterCharge(() => this.json(res, 200, { shopOrderId: id, walletBalance: this.balanceCents }));
    }
    return this.err130(res, 404, 'Not Found', `No handler for ${method} ${path}`);
  }

  private auth(res: ServerResponse, raw: string): void {
    const f = new URLSearchParams(raw);
    const fault = this.takeFault('auth');
    if (fault === 'status-500') return this.err130(res, 500, 'Internal Server Error', 'Please contact support if the issue persists.');
    for (const k of ['grant_type', 'client_id', 'client_secret', 'username', 'password']) {
      if (!f.get(k)) return this.err130(res, 400, 'Bad Request', `${k}: must not be blank`);
    }
    if (f.get('grant_type') !== 'client_credentials') return this.err130(res, 400, 'Bad Request', 'grant_type: unsupported');
    if (f.get('client_id') !== this.clientId || f.get('client_secret') !== this.clientSecret) {
      return this.json(res, 401, { status: 401, title: 'Unauthorized', detail: 'Invalid client identifier' });
    }
    if (f.get('username') !== this.username || f.get('password') !== this.password) {
      return this.err130(res, 401, 'Unauthorized', 'Unauthorized, user account is not valid, is locked, the provided authorization token is not valid or the application is not authorized by user.');
    }
    if (!this.approved) return this.err130(res, 401, 'genericUserAuthenticationError', 'Authentication failed: application is not authorized by user');
    const token = randomBytes(18).toString('base64');
    const lifetime = this.opts.tokenLifetimeS ?? 86400;
    this.tokens.set(token, this.now() + lifetime * 1000);
    this.json(res, 200, {
      userToken: token, access_token: token, walletBalance: this.balanceCents, showTermsAndConditions: false, infoMessage: '',
      issued_at: new Date(this.now()).toUTCString(), expires_in: lifetime, token_type: 'BearerToken',
      external_customer_id: 'juser-0815', authenticated_user: this.username,
    });
  }

  private async checkout(req: IncomingMessage, res: ServerResponse, url: URL, kind: 'pdf' | 'png', raw: string, afterCharge: (send: () => void) => Promise<void>): Promise<void> {
    const validate = url.searchParams.get('validate') === 'true';
    const direct = url.searchParams.get('directCheckout') === 'true';
    // 1. validate + directCheckout together
    if (validate && direct) return this.errLive(res, 400, 'invalidCombination', 'validate and directCheckout must not be combined', 'PCF-A1031');
    let b: Record<string, any>;
    try {
      b = JSON.parse(raw);
    } catch {
      return this.err130(res, 400, 'Bad Request', 'JSON parse error');
    }
    if (validate) return this.json(res, 200, { link: `${this.origin}/PcfExtensionWeb/preview?keyphase=1&data=${randomBytes(6).toString('hex')}` });
    const wantType = kind === 'pdf' ? 'AppShoppingCartPDFRequest' : 'AppShoppingCartPNGRequest';
    const wantPos = kind === 'pdf' ? 'AppShoppingCartPDFPosition' : 'AppShoppingCartPosition';
    if (b.type !== wantType) return this.errLive(res, 400, 'InvalidTypeId', `type must be ${wantType}`, 'PCF-A1034');
    // 2. total required
    if (b.total === undefined || b.total === null) return this.errLive(res, 400, 'Bad Request', 'total: must not be null', 'PCF-A1033');
    const positions: Record<string, any>[] = Array.isArray(b.positions) ? b.positions : [];
    if (positions.length === 0) return this.errLive(res, 400, 'invalidOrderPositionCount', 'positions: must not be empty', 'PCF-A1033');
    // 3. position type
    if (positions.some((p) => p.positionType !== wantPos)) return this.errLive(res, 400, 'InvalidTypeId', `positionType must be ${wantPos}`, 'PCF-A1034');
    // 4. label positions ≥ 1
    if (kind === 'pdf') {
      for (let i = 0; i < positions.length; i++) {
        const pos = positions[i]!.position ?? {};
        for (const k of ['labelX', 'labelY', 'page']) {
          if (!(Number(pos[k]) >= 1)) return this.errLive(res, 400, 'Bad Request', `positions[${i}].position.${k}: must be greater than or equal to 1`, 'PCF-A1033');
        }
      }
    }
    // address rules (both sides required; field lengths of v1.30)
    for (let i = 0; i < positions.length; i++) {
      const a = positions[i]!.address;
      if (!a) continue;
      for (const side of ['sender', 'receiver']) {
        const x = a[side];
        if (!x) return this.errLive(res, 400, 'Bad Request', `positions[${i}].address.${side}: must not be null`, 'PCF-A1033');
        if (!x.name || x.name.length > 50) return this.errLive(res, 400, 'Bad Request', `positions[${i}].address.${side}.name: size must be between 1 and 50`, 'PCF-A1033');
        if (!x.addressLine1 || x.addressLine1.length > 50) return this.errLive(res, 400, 'Bad Request', `positions[${i}].address.${side}.addressLine1: size must be between 1 and 50`, 'PCF-A1033');
        if (typeof x.postalCode !== 'string' || x.postalCode.length !== 5) return this.errLive(res, 400, 'Bad Request', `positions[${i}].address.${side}.postalCode: size must be between 5 and 5`, 'PCF-A1033');
        if (!x.city || typeof x.country !== 'string' || x.country.length !== 3) return this.errLive(res, 400, 'Bad Request', `positions[${i}].address.${side}.country: size must be between 3 and 3`, 'PCF-A1033');
      }
    }
    // 5. product codes
    const bad = positions.find((p) => !FAKE_PPL[p.productCode]);
    if (bad) return this.err130(res, 400, 'invalidProductcode', `The productcode is invalid! Reason: No product with productcode: ${bad.productCode} found!`);
    // 6. page format
    const format = kind === 'pdf' ? FAKE_PAGE_FORMATS.find((f) => f.id === b.pageFormatId) : undefined;
    if (kind === 'pdf' && !format) return this.errLive(res, 400, 'invalidPageFormat', `No page format with id: ${b.pageFormatId} found!`, 'PCF-A1031');
    if (format && positions.some((p) => p.voucherLayout === 'ADDRESS_ZONE' && p.address) && !format.isAddressPossible) {
      return this.errLive(res, 400, 'invalidPageFormat', `Page format ${format.id} does not allow addresses`, 'PCF-A1031');
    }
    // 7. total = Σ price list
    const ppl = positions.reduce((s, p) => s + FAKE_PPL[p.productCode]!.price, 0);
    if (b.total !== ppl) {
      return this.errLive(res, 400, 'invalidTotalAmount', `The total amount of the order is invalid! Reason: The total cost of the shopping cart is invalid! PPL-total: ${ppl}, Cart: ${b.total}`, 'PCF-A1031');
    }
    // 8. balance
    if (this.balanceCents < ppl) return this.errLive(res, 400, 'walletBalanceNotEnough', this.serial, 'PCF-A1032');
    // 9. shopOrderId
    let shopOrderId: string = b.shopOrderId === undefined || b.shopOrderId === null ? '' : String(b.shopOrderId);
    if (!shopOrderId) {
      if (!direct) return this.errLive(res, 400, 'Bad Request', 'shopOrderId: must not be null', 'PCF-A1033');
      shopOrderId = String(this.seq++);
      this.carts.set(shopOrderId, { shopOrderId, state: 'initialised' });
    }
    const cart = this.carts.get(shopOrderId);
    if (cart?.state === 'checked_out') return this.err130(res, 400, 'invalidShopOrderID', `Queued order duplicated for the shopOrderId '${shopOrderId}'`);
    if (!cart) return this.err130(res, 400, 'invalidShopOrderId', `Unknown shopOrderId '${shopOrderId}'`);
    void req;
    // 10. debit the wallet and create the vouchers
    this.balanceCents -= ppl;
    const specs: StampSpec[] = positions.map((p) => {
      const voucherId = this.nextVoucherId();
      const trackId = FAKE_PPL[p.productCode]!.tracked ? `RR${String(100000000 + this.voucherSeq).slice(-9)}DE` : null;
      this.vouchers.set(voucherId, { voucherId, trackId, shopOrderId, productCode: p.productCode, price: FAKE_PPL[p.productCode]!.price, boughtAtMs: this.now(), state: 'sold' });
      return { voucherId, trackId, productCode: p.productCode, position: p.position, layout: p.voucherLayout, address: p.address };
    });
    this.ledger.push({ kind: 'charge', amountCents: ppl, shopOrderId, voucherIds: specs.map((s) => s.voucherId), balanceAfter: this.balanceCents });
    const doc =
      kind === 'pdf'
        ? { type: 'application/pdf', body: await stampPdf(format!, specs) }
        : { type: 'application/zip', body: zipSync(Object.fromEntries(specs.map((s, i) => [`${i + 1}.png`, stampPng(s.voucherId)]))) };
    const key = this.newDoc(doc);
    const response = {
      type: 'CheckoutShoppingCartAppResponse',
      link: this.docLink(key),
      manifestLink: null,
      shoppingCart: { shopOrderId, voucherList: specs.map((s) => ({ voucherId: s.voucherId, trackId: s.trackId })) },
      walletBallance: this.balanceCents,
    };
    this.carts.set(shopOrderId, { shopOrderId, state: 'checked_out', response, docKey: key, docType: doc.type });
    await afterCharge(() => this.json(res, 200, response));
  }

  private retoure(res: ServerResponse, raw: string, afterCharge: (send: () => void) => Promise<void>): void {
    const b = JSON.parse(raw || '{}') as { shoppingCart?: { shopOrderId?: string; voucherList?: { voucherId: string }[] } };
    const sc = b.shoppingCart;
    if (!sc || (!sc.shopOrderId && !(sc.voucherList?.length))) return this.err130(res, 400, 'Bad Request', 'shoppingCart: shopOrderId or voucherList required');
    if (sc.voucherList && sc.voucherList.length === 0) return this.err130(res, 400, 'Bad Request', 'voucherList: size must be between 1 and 2147483647');
    if (sc.shopOrderId && this.carts.get(sc.shopOrderId)?.state !== 'checked_out') return this.err130(res, 400, 'unknownShopOrderId', `Order with ID '${sc.shopOrderId}' not found.`);
    const ids = sc.voucherList?.length ? sc.voucherList.map((v) => v.voucherId) : [...this.vouchers.values()].filter((v) => v.shopOrderId === sc.shopOrderId).map((v) => v.voucherId);
    const r: Retoure = {
      shopRetoureId: String(17288644 + this.retoures.size), retoureTransactionId: 15242129 + this.retoures.size, vouchers: ids, polls: 0, done: false,
      refunded: [], notRefunded: [], price: 0, createdMs: this.now(),
    };
    for (const id of ids) {
      const v = this.vouchers.get(id);
      if (v && v.state === 'sold') v.state = 'refund_open';
    }
    this.retoures.set(r.shopRetoureId, r);
    void afterCharge(() => this.json(res, 200, { shopRetoureId: r.shopRetoureId, retoureTransactionId: String(r.retoureTransactionId) }));
  }

  private retoureState(res: ServerResponse, url: URL): void {
    const id = url.searchParams.get('shopRetoureId');
    const from = Date.parse(url.searchParams.get('startDate') ?? '');
    const to = Date.parse(url.searchParams.get('endDate') ?? '');
    const list = id
      ? ([this.retoures.get(id)].filter(Boolean) as Retoure[])
      : [...this.retoures.values()].filter((r) => (Number.isNaN(from) || r.createdMs >= from) && (Number.isNaN(to) || r.createdMs <= to));
    if (id && list.length === 0) return this.err130(res, 400, 'unknownShopOrderId', `Retoure '${id}' not found`);
    for (const r of list) {
      r.polls += 1;
      if (!r.done && r.polls > (this.opts.retoureOpenPolls ?? 1)) this.processRetoure(r);
    }
    const d = new Date(this.now());
    const creation = `${d.getUTCDate()}${String(d.getUTCMonth() + 1).padStart(2, '0')}${d.getUTCFullYear()}-${String(d.getUTCHours()).padStart(2, '0')}${String(d.getUTCMinutes()).padStart(2, '0')}00`;
    this.json(res, 200, {
      RetrieveRetoureStateResponse: list.map((r) => ({
        retoureTransactionId: r.retoureTransactionId, shopRetoureId: r.shopRetoureId, totalCount: r.vouchers.length,
        countStillOpen: r.done ? 0 : r.vouchers.length, retourePrice: r.price, creationDate: creation, serialnumber: this.serial,
        refundedVouchers: r.refunded.map((v) => ({ voucherId: v, trackId: this.vouchers.get(v)?.trackId ?? null })),
        notRefundedVouchers: r.notRefunded.map((v) => ({ voucherId: v, trackId: this.vouchers.get(v)?.trackId ?? null })),
      })),
    });
  }

  /** Refund what is unused, bought by this Portokasse and younger than 14 days; credit the wallet. */
  private processRetoure(r: Retoure): void {
    for (const id of r.vouchers) {
      const v = this.vouchers.get(id);
      const young = v ? r.createdMs - v.boughtAtMs <= 14 * 86_400_000 : false;
      if (v && v.state === 'refund_open' && young) {
        v.state = 'refunded';
        r.refunded.push(id);
        r.price += v.price;
      } else {
        if (v && v.state === 'refund_open') v.state = 'sold';
        r.notRefunded.push(id);
      }
    }
    r.done = true;
    if (r.price > 0) {
      this.balanceCents += r.price;
      this.ledger.push({ kind: 'refund', amountCents: r.price, shopOrderId: r.shopRetoureId, voucherIds: r.refunded, balanceAfter: this.balanceCents });
    }
  }

  private nextVoucherId(): string {
    const run = (this.voucherSeq++).toString(16).toUpperCase().padStart(9, '0');
    const base = this.serial + run;
    const check = [...base].reduce((s, c) => s + c.charCodeAt(0), 0) % 36;
    return base + check.toString(36).toUpperCase();
  }

  private newDoc(doc: { type: string; body: Uint8Array }): string {
    const key = randomBytes(9).toString('base64url');
    this.docs.set(key, doc);
    return key;
  }

  private docLink(key: string): string {
    return `${this.origin}/PcfExtensionWeb/document?keyphase=1&data=${key}`;
  }
}

export async function startFakeInternetmarke(opts: FakeImOptions = {}): Promise<FakeInternetmarke> {
  return new FakeInternetmarke(opts).start();
}
