import { useState } from 'react';
import { useT } from '../../app/i18n';
import { call } from '../../ipc/client';
import { Dialog } from '../../app/Dialog';

/** "Versendet" for the selection: tracking number only when one order is selected (one parcel, one number). */
export function ShipDialog({ ids, onDone }: { ids: number[]; onDone(): void }) {
  const t = useT();
  const [tracking, setTracking] = useState('');
  const [carrier, setCarrier] = useState('');
  const [result, setResult] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    try {
      const r = await call('orders:ship', { ids, trackingNumber: ids.length === 1 ? tracking : '', carrier });
      setResult([t('orders.ship.done', { shipped: r.shipped.length, skipped: r.skipped.length }), ...r.skipped.slice(0, 20).map((s) => `#${s.id}: ${s.reason}`)].join('\n'));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Dialog
      titleId="ship-title"
      testId="ship-dialog"
      onClose={onDone}
      onSubmit={() => {
        if (result) onDone();
        else void run();
      }}
    >
        <h2 id="ship-title">{t('orders.ship.title', { count: ids.length })}</h2>
        {!result && (
          <>
            {ids.length === 1 && (
              <label className="field">
                <span>{t('orders.ship.tracking')}</span>
                <input value={tracking} onChange={(e) => setTracking(e.target.value)} autoFocus data-testid="ship-tracking" />
              </label>
            )}
            <label className="field">
              <span>{t('orders.ship.carrier')}</span>
              <input value={carrier} onChange={(e) => setCarrier(e.target.value)} placeholder="DHL, Deutsche Post, Hermes …" />
            </label>
          </>
        )}
        {result && <p className="ok pre" data-testid="ship-result">{result}</p>}
        {error && <p className="error" role="alert">{error}</p>}
        <div className="form-actions">
          <button type="submit" className="primary" data-testid="ship-confirm">
            {result ? t('common.close') : t('orders.ship.confirm')}
          </button>
          {!result && (
            <button type="button" onClick={onDone}>
              {t('common.cancel')}
            </button>
          )}
        </div>
    </Dialog>
  );
}
