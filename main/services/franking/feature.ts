import type { AppCore } from '../../app/core';
import type { FeatureHandlers } from '../../ipc/feature-handlers';
import type { frankingChannels } from '../../../shared/ipc/channels/franking';
import type { OrdersFeature } from '../orders/feature';
import type { LabelsFeature } from '../labels/feature';
import type { PrintService } from '../printing/print-service';
import * as repo from '../../db/repos/franking';
import { balanceHistory } from '../../db/repos/franking-refunds';
import { getOrder } from '../../db/repos/orders';
import { AppError } from '../../../shared/errors';
import { berlinDay, formatCents } from '../../../shared/format';
import { PRODUCTS, priceOf, productByCode } from '../../../shared/postage/products';
import { isRefundable, refundDeadline, stampStatus, validUntil } from '../../../shared/postage/validity';
import { InternetmarkeClient, type PageFormat } from './im-client';
import { SECRET_PASSWORD, SECRET_USER, apiUrl, appCredentials, credentials, portokasseLogin, registerFrankingSettings } from './config';
import { BalanceWatch, type BalanceNotice } from './balance';
import { PurchaseEngine } from './purchase';
import { RefundService } from './refund';
import { describeOrder, planLines, senderAddress } from './planning';
import { pngZipToPdf, printStamps, readArchived, type PrintResultView } from './stamp-files';

/** Builds the franking capability: Portokasse, stamp purchase without double payment, refunds, printing. */
export function createFrankingFeature(core: AppCore, deps: { orders: OrdersFeature; labels: LabelsFeature }) {
  registerFrankingSettings(core);
  let env: NodeJS.ProcessEnv = process.env;
  let client: InternetmarkeClient | null = null;
  let clientUrl = '';
  const getClient = () => {
    const timeoutMs = core.settings.get('franking.timeoutMs') as number;
    const url = apiUrl(core);
    if (!client || clientUrl !== `${url} ${timeoutMs}`) {
      client = new InternetmarkeClient(core.http, {
        baseUrl: url,
        credentials: () => credentials(core, env),
        now: () => core.clock.now(),
        timeoutMs,
      });
      clientUrl = `${url} ${timeoutMs}`;
    }
    return client;
  };
  // Stamps reach paper through the labels capability's PrintService (printer and stock chosen for 'stamp').
  const printing = (): PrintService | null => deps.labels.printing ?? null;

  const nextBatchCost = () => {
    const day = berlinDay(core.clock.now());
    let sum = 0;
    for (const id of repo.orderIdsToFrank(core.db)) {
      const o = getOrder(core.db, id);
      const info = o ? describeOrder(core, o, undefined, false) : null;
      if (info?.productCode) sum += priceOf(info.productCode, day) ?? 0;
    }
    return sum;
  };
  const balance = new BalanceWatch(core, nextBatchCost);
  const engine = new PurchaseEngine(core, getClient, balance);
  const refunds = new RefundService(core, getClient, balance);

  let formats: PageFormat[] | null = null;
  const pageFormats = async () => (formats ??= await getClient().pageFormats());

  const purchaseView = (purchaseId: number, recovered: boolean) => {
    const p = repo.getPurchase(core.db, purchaseId)!;
    return {
      purchaseId, shopOrderId: p.shop_order_id, state: p.state, totalCents: p.total_cents, stamps: repo.stampsOfPurchase(core.db, purchaseId).length,
      file: p.file_path, sha256: p.file_sha256, recovered,
    };
  };

  const printPurchase = async (purchaseId: number): Promise<PrintResultView> => {
    const p = repo.getPurchase(core.db, purchaseId);
    if (!p || p.state !== 'completed') throw new AppError('NOT_FOUND', `Kein abgeschlossener Markenkauf ${purchaseId}`);
    const file = p.file_path ? { path: p.file_path, sha256: p.file_sha256 } : await engine.fetchDocument(purchaseId);
    const bytes = readArchived(file.path, file.sha256);
    const title = `Internetmarken ${p.shop_order_id}`;
    const out =
      p.format === 'png'
        ? await pngZipToPdf(bytes).then((x) => printStamps(core, printing(), title, x.pdf, x.pageSizeMm))
        : await printStamps(core, printing(), title, bytes, { width: p.page_width_mm ?? 210, height: p.page_height_mm ?? 297 });
    repo.markPrinted(core.db, purchaseId);
    return out;
  };

  const stampViews = (orderId?: number) => {
    const now = core.nowIso();
    const rows = repo.listStamps(core.db, 5000).filter((s) => orderId === undefined || s.order_id === orderId);
    return rows.map((s) => ({
      voucherId: s.voucher_id, trackId: s.track_id, orderId: s.order_id, externalId: s.external_id, buyerName: s.buyer_name, shopOrderId: s.shop_order_id,
      purchaseId: s.purchase_id, productCode: s.product_code, productName: productByCode(s.product_code)?.name ?? String(s.product_code), priceCents: s.price_cents,
      boughtAt: s.bought_at, refundDeadline: refundDeadline(s.bought_at), validUntil: validUntil(s.bought_at), status: stampStatus(s.state, s.bought_at, now),
      refundable: isRefundable(s.state, s.bought_at, now),
    }));
  };

  type BuyJobPayload = { print: boolean; stamps: number; totalCents: number };
  const jobErrors = new Map<number, unknown>();
  const jobPrints = new Map<number, PrintResultView>();
  core.jobs.register<BuyJobPayload>({
    kind: 'franking.buy',
    label: (p) => `Internetmarken kaufen (${p.stamps} Stück, ${formatCents(p.totalCents)})`,
    // Idempotent per cart: the journal says how far it got; settle() asks Deutsche Post before re-sending.
    async runItem(ref, payload) {
      const id = Number(ref);
      const p = repo.getPurchase(core.db, id);
      if (!p) return { state: 'skipped', reason: `Kauf ${ref} nicht gefunden` };
      if (p.state === 'failed') return { state: 'skipped', reason: p.last_error ?? 'nicht gekauft' };
      try {
        await engine.startCart(id);
        await engine.settle(id);
      } catch (e) {
        jobErrors.set(id, e);
        throw e;
      }
      const after = repo.getPurchase(core.db, id)!;
      if (after.state !== 'completed') return { state: 'skipped', reason: after.last_error ?? 'nicht gekauft' };
      let file: { path: string; sha256: string } | null = null;
      try {
        file = await engine.fetchDocument(id);
      } catch (e) {
        core.logger.warn('franking.fetch_failed', { purchaseId: id, error: String(e) });
      }
      // The stamps are bought whatever the printer does: a print failure is reported, never thrown,
      // so nobody buys again because "it failed". Reprint from the archive at any time.
      if (payload.print && file && repo.stampsOfPurchase(core.db, id).every((s) => s.printed_count === 0)) {
        jobPrints.set(id, await printPurchase(id).catch((e: unknown) => ({ printed: false, printer: null, savedTo: file!.path, reason: e instanceof Error ? e.message : String(e) })));
      }
      return { state: 'done' };
    },
    finish(payload, ctx) {
      const done = ctx.items.filter((i) => i.state === 'done').map((i) => repo.getPurchase(core.db, Number(i.ref))!);
      const n = done.reduce((s, p) => s + repo.stampsOfPurchase(core.db, p.id).length, 0);
      return { summary: `${n} von ${payload.stamps} Marken gekauft für ${formatCents(done.reduce((s, p) => s + p.total_cents, 0))}` };
    },
  });

  /**
   * Before a purchase and on recover: purchase jobs still running here finish first; then every open
   * purchase is settled (asking Deutsche Post); then purchase jobs interrupted in an earlier process
   * (killed CLI, crashed app) are run to their end — their unstarted carts were closed as not
   * bought, so this only completes bookkeeping and prints what was bought.
   */
  const settleAll = async () => {
    const active = () => core.jobs.list(true).filter((j) => j.kind === 'franking.buy');
    for (const j of active()) await core.jobs.wait(j.id);
    const rec = await engine.recoverAll();
    if (rec.stillOpen === 0) {
      for (const j of active()) {
        core.jobs.resume(j.id);
        await core.jobs.wait(j.id);
      }
    }
    return rec;
  };

  // Money-moving work runs one at a time in this process (a double click must not start two purchases).
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn, fn);
    queue = run.catch(() => undefined);
    return run;
  };

  const handlers: FeatureHandlers<typeof frankingChannels> = {
    'franking:status': async () => {
      const last = balance.last();
      const app = appCredentials(core, env);
      const login = await portokasseLogin(core, env);
      return {
        apiUrl: apiUrl(core), configured: !!(app.clientId && app.clientSecret), hasLogin: !!login, user: login?.username ?? null,
        balanceCents: last?.balanceCents ?? null, balanceAt: last?.at ?? null, lowBalanceThresholdCents: core.settings.get('franking.lowBalanceCents') as number,
        unresolvedPurchases: repo.openPurchases(core.db).length,
      };
    },
    'franking:login': async (req) => {
      // Try the login before storing it, so a typo never lands in the keychain.
      const trial = new InternetmarkeClient(core.http, {
        baseUrl: apiUrl(core), credentials: () => credentials(core, env, { username: req.user, password: req.password }), now: () => core.clock.now(),
        timeoutMs: core.settings.get('franking.timeoutMs') as number,
      });
      const r = await trial.login(true);
      if (!core.secrets.isAvailable()) {
        throw new AppError('SECRETS_UNAVAILABLE', 'Anmeldung erfolgreich, aber dieses System bietet keinen sicheren Schlüsselspeicher. Das Passwort wird nicht im Klartext gespeichert.');
      }
      await core.secrets.set(SECRET_USER, req.user);
      await core.secrets.set(SECRET_PASSWORD, req.password);
      client = null;
      balance.observe(r.walletBalanceCents, 'login');
      return { user: r.user ?? req.user, balanceCents: r.walletBalanceCents };
    },
    'franking:logout': async () => {
      await core.secrets.delete(SECRET_USER);
      await core.secrets.delete(SECRET_PASSWORD);
      client = null;
      return { ok: true as const };
    },
    'franking:balance': async (req) => {
      if (req.refresh) {
        const r = await getClient().login(true);
        balance.observe(r.walletBalanceCents, 'login');
      }
      const last = balance.last();
      return { balanceCents: last?.balanceCents ?? null, at: last?.at ?? null };
    },
    'franking:balanceHistory': () => balanceHistory(core.db).map((b) => ({ at: b.at, balanceCents: b.balance_cents, source: b.source })),
    'franking:topup': async (req) => {
      const b = await getClient().topUp(req.amountCents);
      balance.observe(b, 'topup');
      return { balanceCents: b };
    },
    'franking:products': () => {
      const day = berlinDay(core.clock.now());
      return PRODUCTS.map((p) => ({ code: p.code, name: p.name, destination: p.destination, priceCents: priceOf(p.code, day), maxWeightG: p.maxWeightG, tracked: p.tracked, size: p.size }));
    },
    'franking:pageFormats': async () =>
      (await pageFormats()).map((f) => ({
        id: f.id, name: f.name, pageType: f.pageType, isAddressPossible: f.isAddressPossible, widthMm: f.size.x, heightMm: f.size.y, labelsX: f.labelCount.labelX, labelsY: f.labelCount.labelY,
      })),
    'franking:candidates': (req) => {
      const ids = req.orderIds ?? repo.orderIdsToFrank(core.db);
      const live = repo.ordersWithLiveStamp(core.db, ids);
      return ids.flatMap((id) => {
        const o = getOrder(core.db, id);
        return o ? [describeOrder(core, o, undefined, live.has(id))] : [];
      });
    },
    'franking:quote': (req) => {
      const { lines, totalCents } = planLines(core, req.orders, req.productCode, true);
      const last = balance.last();
      return {
        lines: lines.map((l) => ({ orderId: l.orderId, productCode: l.productCode, productName: l.productName, priceCents: l.priceCents })),
        totalCents, balanceCents: last?.balanceCents ?? null, balanceAfterCents: last ? last.balanceCents - totalCents : null,
      };
    },
    'franking:buy': (req) => serial(async () => {
      // Anything left open by a crash or a lost answer is settled first.
      const rec = await settleAll();
      if (rec.stillOpen > 0) {
        throw new AppError('IM_OUTCOME_UNKNOWN', 'Ein früherer Markenkauf ist noch ungeklärt (keine Verbindung zur Deutschen Post). Es wird nichts Neues gekauft, bis er geklärt ist.');
      }
      const { lines, totalCents } = planLines(core, req.orders, req.productCode, req.allowSecondStamp);
      const sender = senderAddress(core);
      let pageFormat: PageFormat | null = null;
      if (req.format === 'pdf') {
        const id = req.pageFormatId ?? (core.settings.get('franking.pageFormatId') as number);
        pageFormat = (await pageFormats()).find((f) => f.id === id) ?? null;
        if (!pageFormat) throw new AppError('IM_PAGE_FORMAT', `Seitenformat ${id} gibt es bei der Internetmarke nicht.`);
        if (!pageFormat.isAddressPossible) throw new AppError('IM_PAGE_FORMAT', `Auf Seitenformat ${id} („${pageFormat.name}“) passt keine Adresse. Bitte ein Format mit Adressfeld wählen.`);
        const per = pageFormat.labelCount.labelX * pageFormat.labelCount.labelY;
        if (req.startPosition > per) throw new AppError('VALIDATION', `Startposition ${req.startPosition}: das Format hat nur ${per} Plätze je Seite.`);
      }
      const login = await getClient().login(true);
      balance.observe(login.walletBalanceCents, 'login');
      if (login.walletBalanceCents !== null && login.walletBalanceCents < totalCents) {
        const text = `Das Guthaben der Portokasse (${formatCents(login.walletBalanceCents)}) reicht nicht für ${formatCents(totalCents)}. Bitte aufladen.`;
        balance.notify({ category: 'balance', key: 'franking.balance-short', title: 'Portokasse: Guthaben reicht nicht', body: text, route: 'franking' });
        throw new AppError('IM_BALANCE_TOO_LOW', text);
      }
      // One cart (one checkout, one charge) per franking.maxStampsPerCart stamps; each cart is an item of
      // the job 'franking.buy', so the seller sees progress and a crash resumes where it stopped.
      const max = core.settings.get('franking.maxStampsPerCart') as number;
      const carts: (typeof lines)[] = [];
      for (let i = 0; i < lines.length; i += max) carts.push(lines.slice(i, i + max));
      const ids = engine.journal(carts, sender, { format: req.format, pageFormat, start: req.startPosition, allowSecondStamp: req.allowSecondStamp });
      const job = await core.jobs.run<BuyJobPayload>('franking.buy', { print: req.print, stamps: lines.length, totalCents }, ids.map(String));
      const rows = ids.map((id) => repo.getPurchase(core.db, id)!);
      const bought = rows.filter((p) => p.state === 'completed');
      if (bought.length === 0) {
        const first = ids.map((id) => jobErrors.get(id)).find(Boolean);
        throw first ?? new AppError('IM_FAILED', job.problems[0]?.reason ?? 'Es wurden keine Marken gekauft.');
      }
      const stamps = bought.flatMap((p) => repo.stampsOfPurchase(core.db, p.id)).map((s) => ({ orderId: s.order_id, voucherId: s.voucher_id, trackId: s.track_id }));
      // A purchase taken over by a lookup carries no balance (walletBallance: null): ask for it.
      let balanceCents = bought.at(-1)!.wallet_after_cents;
      if (balanceCents === null) {
        balanceCents = await getClient()
          .login(true)
          .then((b) => (balance.observe(b.walletBalanceCents, 'login'), b.walletBalanceCents))
          .catch(() => null);
      }
      const prints = ids.map((id) => jobPrints.get(id)).filter((x): x is PrintResultView => !!x);
      ids.forEach((id) => (jobErrors.delete(id), jobPrints.delete(id)));
      return {
        purchases: [...rec.resolved.map((r) => purchaseView(r.purchaseId, r.recovered)), ...ids.map((id) => purchaseView(id, false))],
        totalCents: bought.reduce((sum, p) => sum + p.total_cents, 0),
        balanceCents,
        stamps,
        print: prints.find((x) => !x.printed) ?? prints[0] ?? null,
        problems: job.problems.map((p) => p.reason),
      };
    }),
    'franking:recover': () => serial(async () => {
      const rec = await settleAll();
      await refunds.followOpen().catch((e) => core.logger.warn('franking.refund_follow_failed', { error: String(e) }));
      return { resolved: rec.resolved.map((r) => purchaseView(r.purchaseId, r.recovered)), stillOpen: rec.stillOpen };
    }),
    'franking:stamps': (req) => stampViews(req.orderId),
    'franking:reprint': (req) => printPurchase(req.purchaseId),
    'franking:refund': (req) => serial(() => refunds.refund(req.voucherIds)),
  };

  return {
    handlers,
    /** The CLI hands in its environment (PORTODESK_IM_* for automation). */
    useEnv(e: NodeJS.ProcessEnv) {
      env = e;
      client = null;
    },
    /** compose.ts hands in the shell's notification policy (created after this feature). */
    useNotices(notify: (n: BalanceNotice) => unknown) {
      balance.notify = (n) => void notify(n);
    },
    hasCredentials: async () => !!(await portokasseLogin(core, env)) && !!appCredentials(core, env).clientId,
  };
}
export type FrankingFeature = ReturnType<typeof createFrankingFeature>;
