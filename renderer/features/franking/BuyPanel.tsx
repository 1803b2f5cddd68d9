import { useEffect, useMemo, useState } from 'react';
import { call } from '../../ipc/client';
import { useT } from '../../app/i18n';
import { formatCents } from '../../../shared/format';
import type { Res } from '../../../shared/ipc/contract';
import { errorText, useFranking } from './store';
import { SheetPreview } from './SheetPreview';

type Candidate = Res<'franking:candidates'>[number];
type Product = Res<'franking:products'>[number];
type PageFormat = Res<'franking:pageFormats'>[number];

/** Orders to frank → a product per order → cost and balance after → buy (one cart, one charge). */
export function BuyPanel({ onBought }: { onBought(): void }) {
  const t = useT();
  const preselected = useFranking((s) => s.preselected);
  const status = useFranking((s) => s.status);
  const loadStatus = useFranking((s) => s.loadStatus);
  const [candidates, setCandidates] = useState<Candidate[] | null>(null);
  const [products, setProducts] = useState<Product[]>([]);
  const [formats, setFormats] = useState<PageFormat[] | null>(null);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [picks, setPicks] = useState<Record<number, number>>({});
  const [pageFormatId, setPageFormatId] = useState(1);
  const [start, setStart] = useState(1);
  const [png, setPng] = useState(false);
  const [busy, setBusy] = useState(false);
  const [confirmSecond, setConfirmSecond] = useState(false);
  const [msg, setMsg] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  const load = async () => {
    const list = await call('franking:candidates', preselected ? { orderIds: preselected } : {});
    setCandidates(list);
    // Orders brought from the order list's selection are the seller's choice; opened on its own, the view
    // selects nothing, so no stamp is bought for a long list by default.
    setSelected(new Set(preselected ? list.filter((c) => !c.problem && !c.hasStamp).map((c) => c.orderId) : []));
    setPicks({});
  };
  useEffect(() => {
    void load().catch((e) => setMsg({ kind: 'error', text: errorText(e) }));
    void call('franking:products', {}).then(setProducts);
  }, [preselected]);
  useEffect(() => {
    if (!status?.hasLogin || formats) return;
    call('franking:pageFormats', {})
      .then((f) => setFormats(f.filter((x) => x.isAddressPossible)))
      .catch(() => setFormats([]));
  }, [status?.hasLogin, formats]);

  const priceOf = useMemo(() => new Map(products.map((p) => [p.code, p.priceCents ?? 0])), [products]);
  const productOf = (c: Candidate) => picks[c.orderId] ?? c.productCode;
  const chosen = (candidates ?? []).filter((c) => selected.has(c.orderId));
  const cost = chosen.reduce((s, c) => s + (priceOf.get(productOf(c) ?? 0) ?? 0), 0);
  const balanceAfter = status?.balanceCents === null || status?.balanceCents === undefined ? null : status.balanceCents - cost;
  const format = formats?.find((f) => f.id === pageFormatId);
  const perPage = format ? format.labelsX * format.labelsY : 1;

  const toggle = (id: number) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelected(next);
  };

  const buy = async (allowSecondStamp: boolean) => {
    if (!allowSecondStamp && chosen.some((c) => c.hasStamp)) return setConfirmSecond(true);
    setConfirmSecond(false);
    setBusy(true);
    setMsg(null);
    try {
      const r = await call('franking:buy', {
        orders: chosen.map((c) => ({ orderId: c.orderId, ...(productOf(c) ? { productCode: productOf(c)! } : {}) })),
        format: png ? 'png' : 'pdf',
        pageFormatId: png ? undefined : pageFormatId,
        startPosition: png ? 1 : start,
        allowSecondStamp,
        print: true,
      });
      const printed = r.print ? (r.print.printed ? t('franking.printed', { printer: r.print.printer ?? '' }) : t('franking.saved', { path: r.print.savedTo })) : '';
      const problems = r.problems.length ? ` ${r.problems.join(' ')}` : '';
      setMsg({ kind: r.problems.length ? 'error' : 'ok', text: `${t('franking.bought', { count: r.stamps.length, total: formatCents(r.totalCents) })} ${printed}${problems}` });
      await Promise.all([load(), loadStatus()]);
      onBought();
    } catch (e) {
      setMsg({ kind: 'error', text: errorText(e) });
      void loadStatus();
    } finally {
      setBusy(false);
    }
  };

  if (!candidates) return <p>{t('common.loading')}</p>;
  return (
    <section className="fr-panel" aria-labelledby="fr-orders-h">
      <h2 id="fr-orders-h">{t('franking.orders')}</h2>
      {candidates.length === 0 ? (
        <p className="muted">{t('franking.orders.empty')}</p>
      ) : (
        <table className="fr-table" data-testid="franking-candidates">
          <thead>
            <tr>
              <th>
                <input
                  type="checkbox"
                  aria-label={t('franking.selectAll')}
                  data-testid="franking-select-all"
                  checked={chosen.length > 0 && chosen.length === candidates.filter((c) => !c.problem).length}
                  onChange={(e) => setSelected(new Set(e.target.checked ? candidates.filter((c) => !c.problem).map((c) => c.orderId) : []))}
                />
              </th>
              <th>{t('franking.col.order')}</th>
              <th>{t('franking.col.buyer')}</th>
              <th>{t('franking.col.country')}</th>
              <th>{t('franking.col.status')}</th>
              <th className="num">{t('franking.col.weight')}</th>
              <th>{t('franking.col.product')}</th>
              <th className="num">{t('franking.col.price')}</th>
              <th>{t('franking.col.problem')}</th>
            </tr>
          </thead>
          <tbody>
            {candidates.map((c) => {
              const code = productOf(c);
              return (
                <tr key={c.orderId} data-testid={`franking-row-${c.orderId}`} className={selected.has(c.orderId) ? 'selected' : ''}>
                  <td>
                    <input type="checkbox" aria-label={t('franking.select', { order: c.externalId })} checked={selected.has(c.orderId)} disabled={!!c.problem && !picks[c.orderId]} onChange={() => toggle(c.orderId)} />
                  </td>
                  <td>{c.externalId}</td>
                  <td>{c.buyerName}</td>
                  <td>{c.country}</td>
                  <td>{t(`order.status.${c.status}`)}</td>
                  <td className="num">{c.weightG === null ? '–' : `${c.weightG} g`}</td>
                  <td>
                    <select
                      aria-label={`${t('franking.col.product')} ${c.externalId}`}
                      value={code ?? ''}
                      onChange={(e) => setPicks({ ...picks, [c.orderId]: Number(e.target.value) })}
                      data-testid={`franking-product-${c.orderId}`}
                    >
                      {code === null && <option value="">–</option>}
                      {products
                        .filter((p) => (p.destination === 'national') === (c.country === 'DE'))
                        .map((p) => (
                          <option key={p.code} value={p.code}>
                            {p.name} ({p.priceCents === null ? '–' : formatCents(p.priceCents)})
                          </option>
                        ))}
                    </select>
                  </td>
                  <td className="num">{code ? formatCents(priceOf.get(code) ?? 0) : '–'}</td>
                  <td className={c.problem || c.hasStamp ? 'warn' : ''}>{[c.hasStamp ? t('franking.hasStamp') : '', picks[c.orderId] ? '' : c.problem].filter(Boolean).join('; ')}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <div className="fr-buybar">
        <label className="fr-inline">
          <input type="checkbox" checked={png} onChange={(e) => setPng(e.target.checked)} />
          <span>{t('franking.format.png')}</span>
        </label>
        {!png && (
          <>
            <label className="fr-inline">
              <span>{t('franking.pageFormat')}</span>
              <select value={pageFormatId} onChange={(e) => setPageFormatId(Number(e.target.value))} data-testid="franking-page-format">
                {formats === null && <option value={pageFormatId}>{t('franking.pageFormat.loading')}</option>}
                {(formats ?? []).map((f) => (
                  <option key={f.id} value={f.id}>
                    {f.name} ({f.labelsX}×{f.labelsY})
                  </option>
                ))}
              </select>
            </label>
            <label className="fr-inline">
              <span>{t('franking.start')}</span>
              <input type="number" min={1} max={perPage} value={start} onChange={(e) => setStart(Math.max(1, Math.min(perPage, Number(e.target.value) || 1)))} data-testid="franking-start" />
            </label>
          </>
        )}
        <span>
          {t('franking.cost')}: <strong data-testid="franking-cost">{formatCents(cost)}</strong>
        </span>
        <span>
          {t('franking.balanceAfter')}:{' '}
          <strong data-testid="franking-balance-after" className={balanceAfter !== null && balanceAfter < 0 ? 'error' : ''}>
            {balanceAfter === null ? '–' : formatCents(balanceAfter)}
          </strong>
        </span>
        <button type="button" className="primary" disabled={busy || chosen.length === 0 || !status?.hasLogin} onClick={() => void buy(false)} data-testid="franking-buy">
          {busy ? t('franking.buying') : t('franking.buy', { count: chosen.length })}
        </button>
      </div>
      {!png && format && chosen.length > 0 && (
        <SheetPreview
          widthMm={format.widthMm}
          heightMm={format.heightMm}
          labelsX={format.labelsX}
          labelsY={format.labelsY}
          start={Math.min(start, perPage)}
          count={chosen.length}
          names={chosen.map((c) => c.buyerName)}
        />
      )}
      {confirmSecond && (
        <div role="alertdialog" aria-label={t('franking.confirmSecond')} className="fr-confirm warn">
          <span>{t('franking.confirmSecond')}</span>
          <button type="button" onClick={() => void buy(true)} data-testid="franking-confirm-second">
            {t('franking.confirmSecond.yes')}
          </button>
          <button type="button" onClick={() => setConfirmSecond(false)}>
            {t('common.cancel')}
          </button>
        </div>
      )}
      {msg && (
        <p role="status" className={msg.kind === 'ok' ? 'ok' : 'error'} data-testid="franking-message">
          {msg.text}
        </p>
      )}
    </section>
  );
}
