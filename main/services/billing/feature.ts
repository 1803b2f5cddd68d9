import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AppCore } from '../../app/core';
import type { FeatureHandlers } from '../../ipc/feature-handlers';
import type { billingChannels } from '../../../shared/ipc/channels/billing';
import { createChargeGuard } from './charge-guard';
import { TrialService } from './trial';
import { BillingSync } from './sync';
import { defaultMandateReference, validateBillingDetails } from './details';
import { localFeeHistory, localMonthFees } from './local-fees';
import { getBillingDetails, saveBillingDetails } from '../../db/repos/billing';
import { getFeeInvoice, listFeeInvoices, setFeeInvoicePdf } from '../../db/repos/billing-invoices';
import { berlinMonth } from '../../../shared/format';
import { AppError } from '../../../shared/errors';

/** Builds the billing capability: trial, charge guard, usage sync, fee meter, and its IPC handlers. */
export function createBillingFeature(core: AppCore) {
  const trial = new TrialService(core);
  const sync = new BillingSync(core, trial);
  // A refusal also tells the window, which then shows the "Testphase beendet" dialog again.
  const chargeGuard = createChargeGuard(core.db, trial, (orderIds, action) => core.events.emit('billing:required', { orderIds, action }));
  const currentMonth = () => berlinMonth(trial.effectiveNow());

  const handlers: FeatureHandlers<typeof billingChannels> = {
    'billing:trial': () => {
      trial.checkNotifications();
      return trial.status();
    },
    'billing:register': (req) => {
      const s = trial.register(req.name, req.email);
      core.events.emit('trial:status', s);
      // Registration with the service happens in the background; offline it is retried later.
      sync.sync().catch(() => undefined);
      return s;
    },
    'billing:details:get': () => ({ details: getBillingDetails(core.db), suggestedMandateReference: defaultMandateReference(core.installationId) }),
    'billing:details:save': (req) => {
      const d = validateBillingDetails(req);
      saveBillingDetails(core.db, d, core.nowIso());
      core.events.emit('trial:status', trial.status());
      sync.sync().catch(() => undefined);
      return getBillingDetails(core.db)!;
    },
    'billing:sync': () => sync.sync({ strict: true }),
    'billing:sync:state': () => sync.state(),
    'fees:month': (req) => localMonthFees(core.db, req.month ?? currentMonth(), trial.account().trialEndsAt),
    'fees:history': (req) => localFeeHistory(core.db, currentMonth(), req.months, trial.account().trialEndsAt),
    'fees:invoices': async (req) => {
      if (req.refresh) await sync.sync();
      const invoices = listFeeInvoices(core.db).map(({ pdfPath, ...r }) => ({ ...r, downloaded: !!pdfPath && existsSync(pdfPath) }));
      return { invoices };
    },
    'fees:invoice:pdf': async (req) => {
      const inv = getFeeInvoice(core.db, req.number);
      if (!inv) throw new AppError('NOT_FOUND', `Gebührenrechnung ${req.number} ist nicht bekannt. Bitte zuerst abgleichen.`);
      let bytes: Uint8Array;
      if (inv.pdfPath && existsSync(inv.pdfPath)) bytes = readFileSync(inv.pdfPath);
      else {
        bytes = await sync.downloadInvoicePdf(req.number);
        const dir = join(core.dataDir, 'fee-invoices');
        mkdirSync(dir, { recursive: true });
        const path = join(dir, `${req.number.replace(/[^A-Za-z0-9._-]/g, '_')}.pdf`);
        writeFileSync(path, bytes);
        setFeeInvoicePdf(core.db, req.number, path);
        inv.pdfPath = path;
      }
      return { number: req.number, path: inv.pdfPath!, pdfBase64: Buffer.from(bytes).toString('base64') };
    },
  };

  /**
   * Background work of a long-running app (Electron main): trial notifications and the outbox sync
   * with backoff. The CLI and tests do not call it. Returns a stop function.
   */
  function startBackground(intervalMs = 60_000): () => void {
    const tick = () => {
      try {
        trial.checkNotifications();
        if (sync.due()) sync.sync().catch(() => undefined);
      } catch (e) {
        core.logger.warn('billing.background_failed', { error: e instanceof Error ? e.message : String(e) });
      }
    };
    tick();
    const timer = setInterval(tick, intervalMs);
    timer.unref?.();
    return () => clearInterval(timer);
  }

  return { handlers, chargeGuard, trial, sync, startBackground };
}
export type BillingFeature = ReturnType<typeof createBillingFeature>;
