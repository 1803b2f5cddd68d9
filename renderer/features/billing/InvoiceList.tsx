import { useState } from 'react';
import { useT, useI18nStore } from '../../app/i18n';
import { call } from '../../ipc/client';
import { formatCents, formatDate } from '../../../shared/format';
import { IpcError } from '../../../shared/ipc/envelope';
import type { FeeInvoiceView } from '../../../shared/ipc/channels/billing';
import { formatMonth } from './format';
import { downloadBase64 } from '../../app/files';

/** The fee invoices (from the billing service, kept locally) with PDF download. */
export function InvoiceList({ invoices }: { invoices: FeeInvoiceView[] }) {
  const t = useT();
  const locale = useI18nStore((s) => s.locale);
  const [error, setError] = useState<string | null>(null);
  const day = (d: string) => formatDate(`${d}T12:00:00Z`, locale);
  const money = (c: number) => formatCents(c, 'EUR', locale);

  const download = async (number: string) => {
    try {
      const r = await call('fees:invoice:pdf', { number });
      downloadBase64(`${number}.pdf`, 'application/pdf', r.pdfBase64);
      setError(null);
    } catch (e) {
      setError(e instanceof IpcError ? e.message : String(e));
    }
  };

  return (
    <section aria-labelledby="fee-invoices-title" data-testid="fee-invoices">
      <h2 id="fee-invoices-title">{t('billing.invoices.title')}</h2>
      {invoices.length === 0 ? (
        <p className="muted">{t('billing.invoices.none')}</p>
      ) : (
        <table className="fee-invoices">
          <thead>
            <tr>
              <th scope="col">{t('billing.invoices.number')}</th>
              <th scope="col">{t('billing.invoices.date')}</th>
              <th scope="col">{t('billing.invoices.period')}</th>
              <th scope="col" className="num">{t('billing.invoices.net')}</th>
              <th scope="col" className="num">{t('billing.invoices.gross')}</th>
              <th scope="col">{t('billing.invoices.due')}</th>
              <th scope="col"><span className="sr-only">{t('billing.invoices.pdf')}</span></th>
            </tr>
          </thead>
          <tbody>
            {invoices.map((i) => (
              <tr key={i.number} data-testid="fee-invoice-row">
                <td>{i.number}</td>
                <td>{day(i.invoiceDay)}</td>
                <td>{i.periodFrom === i.periodTo ? formatMonth(i.periodFrom, locale) : `${formatMonth(i.periodFrom, locale)} – ${formatMonth(i.periodTo, locale)}`}</td>
                <td className="num">{money(i.netCents)}</td>
                <td className="num">{money(i.grossCents)}</td>
                <td>{day(i.dueDay)}</td>
                <td>
                  <button type="button" onClick={() => void download(i.number)} data-testid={`fee-invoice-download-${i.number}`}>
                    {t('billing.invoices.download')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
