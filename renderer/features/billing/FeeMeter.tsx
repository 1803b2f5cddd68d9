import { useT, useI18nStore } from '../../app/i18n';
import { formatCents } from '../../../shared/format';
import type { MonthFeesView } from '../../../shared/ipc/channels/billing';
import { formatMonth } from './format';

const TIER_KEYS = { free: 'billing.tier.free', middle: 'billing.tier.middle', high: 'billing.tier.high' } as const;

/** This month's fees as a bar up to the 34 € cap, with the orders per fee tier. */
export function FeeMeter({ fees }: { fees: MonthFeesView }) {
  const t = useT();
  const locale = useI18nStore((s) => s.locale);
  const pct = Math.min(100, (fees.netCents / fees.capCents) * 100);
  const money = (c: number) => formatCents(c, 'EUR', locale);
  return (
    <section className="fee-meter" aria-labelledby="fee-meter-title" data-testid="fee-meter">
      <h2 id="fee-meter-title">{t('billing.month.title', { month: formatMonth(fees.month, locale) })}</h2>
      <div className="fee-amount">
        <strong data-testid="fee-net">{money(fees.netCents)}</strong> <span className="muted">{t('billing.month.net')}</span>
        <span className="muted"> · {t('billing.month.gross', { vat: money(fees.vatCents), gross: money(fees.grossCents) })}</span>
      </div>
      <div
        className={`fee-bar${fees.capReached ? ' capped' : ''}`}
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={fees.capCents}
        aria-valuenow={fees.netCents}
        aria-valuetext={t('billing.month.ofCap', { net: money(fees.netCents), cap: money(fees.capCents) })}
        data-testid="fee-bar"
      >
        <div className="fee-bar-fill" style={{ width: `${pct}%` }} />
      </div>
      <div className="muted" data-testid="fee-cap-text">
        {fees.capReached ? t('billing.month.capReached', { cap: money(fees.capCents) }) : t('billing.month.toCap', { rest: money(fees.capCents - fees.netCents), cap: money(fees.capCents) })}
      </div>
      <table className="fee-tiers" data-testid="fee-tiers">
        <thead>
          <tr>
            <th scope="col">{t('billing.tier.col')}</th>
            <th scope="col" className="num">{t('billing.tier.orders')}</th>
            <th scope="col" className="num">{t('billing.tier.fee')}</th>
            <th scope="col" className="num">{t('billing.tier.amount')}</th>
          </tr>
        </thead>
        <tbody>
          {fees.tiers.map((tier) => (
            <tr key={tier.tier} data-testid={`fee-tier-${tier.tier}`}>
              <td>{t(TIER_KEYS[tier.tier])}</td>
              <td className="num">{tier.count}</td>
              <td className="num">{money(tier.feeCents)}</td>
              <td className="num">{money(tier.amountCents)}</td>
            </tr>
          ))}
          {fees.trialOrders > 0 && (
            <tr>
              <td>{t('billing.tier.trial')}</td>
              <td className="num">{fees.trialOrders}</td>
              <td className="num">{money(0)}</td>
              <td className="num">{money(0)}</td>
            </tr>
          )}
          {fees.capReductionCents > 0 && (
            <tr>
              <td colSpan={3}>{t('billing.tier.cap')}</td>
              <td className="num">−{money(fees.capReductionCents)}</td>
            </tr>
          )}
        </tbody>
      </table>
      {fees.unsynced > 0 && <p className="muted">{t('billing.month.unsynced', { count: fees.unsynced })}</p>}
    </section>
  );
}
