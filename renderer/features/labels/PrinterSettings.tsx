import { Fragment, useCallback, useEffect, useState } from 'react';
import { call } from '../../ipc/client';
import { useT } from '../../app/i18n';
import { formatDateTime } from '../../../shared/format';
import type { LabelStock } from '../../../shared/labels/stock';
import type { PrintLogView } from '../../../shared/ipc/channels/labels';
import { CustomStockForm } from './CustomStockForm';
import { LabelContentSettings } from './LabelContentSettings';
import './labels.css';

const jobTypes = ['invoice', 'delivery_note', 'label', 'stamp'] as const;
type JobType = (typeof jobTypes)[number];
type Choice = { printer: string; stockId: string };

/** Einstellungen → Drucker: printer and stock per kind of print, a test page, and the print log. */
export function PrinterSettings() {
  const t = useT();
  const [available, setAvailable] = useState(true);
  const [printers, setPrinters] = useState<{ name: string; description: string }[]>([]);
  const [stocks, setStocks] = useState<LabelStock[]>([]);
  const [choices, setChoices] = useState<Partial<Record<JobType, Choice>>>({});
  const [status, setStatus] = useState<Partial<Record<JobType, { kind: 'ok' | 'warn' | 'error'; text: string }>>>({});
  const [log, setLog] = useState<PrintLogView[]>([]);

  const loadLog = useCallback(() => void call('printing:log', { limit: 20 }).then(setLog).catch(() => undefined), []);
  useEffect(() => {
    void (async () => {
      const [p, s, c] = await Promise.all([call('printing:printers', {}), call('labels:stock:list', {}), call('printing:choices:get', {})]);
      setAvailable(p.available);
      setPrinters(p.printers);
      setStocks(s);
      setChoices(c);
    })();
    loadLog();
  }, [loadLog]);

  async function save(jobType: JobType, patch: Partial<Choice>) {
    const choice = { printer: '', stockId: '', ...choices[jobType], ...patch };
    try {
      setChoices(await call('printing:choices:save', { jobType, choice }));
      setStatus((s) => ({ ...s, [jobType]: { kind: 'ok', text: t('labels.settings.saved') } }));
    } catch (e) {
      setStatus((s) => ({ ...s, [jobType]: { kind: 'error', text: e instanceof Error ? e.message : String(e) } }));
    }
  }

  async function test(jobType: JobType) {
    try {
      const r = await call('printing:test', { jobType });
      setStatus((s) => ({ ...s, [jobType]: { kind: r.printed ? 'ok' : 'warn', text: r.printed ? t('labels.settings.testSent', { printer: r.printer, jobId: r.jobId }) : r.reason } }));
    } catch (e) {
      setStatus((s) => ({ ...s, [jobType]: { kind: 'error', text: e instanceof Error ? e.message : String(e) } }));
    }
    loadLog();
  }

  return (
    <div className="labels-settings" data-testid="printer-settings">
      <p className="muted">{t('labels.settings.hint')}</p>
      {!available && <p className="warn">{t('labels.settings.noSystem')}</p>}
      <table className="labels-table">
        <tbody>
          {jobTypes.map((jt) => {
            const c = choices[jt];
            const paper = jt === 'invoice' || jt === 'delivery_note';
            return (
              <Fragment key={jt}>
              <tr data-testid={`printer-row-${jt}`}>
                <th scope="row">{t(`labels.settings.jobType.${jt}`)}</th>
                <td>
                  <select aria-label={`${t(`labels.settings.jobType.${jt}`)}: ${t('labels.printer')}`} value={c?.printer ?? ''} onChange={(e) => void save(jt, { printer: e.target.value })} data-testid={`printer-${jt}`}>
                    <option value="">{t('labels.printer.none')}</option>
                    {c?.printer && !printers.some((p) => p.name === c.printer) && <option value={c.printer}>{c.printer}</option>}
                    {printers.map((p) => (
                      <option key={p.name} value={p.name}>
                        {p.name}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <select aria-label={`${t(`labels.settings.jobType.${jt}`)}: ${paper ? t('labels.settings.paper') : t('labels.stock')}`} value={c?.stockId ?? ''} onChange={(e) => void save(jt, { stockId: e.target.value })} data-testid={`stock-${jt}`}>
                    {paper ? (
                      <option value="a4">{t('labels.settings.a4')}</option>
                    ) : (
                      stocks.map((s) => (
                        <option key={s.id} value={s.id}>
                          {s.name}
                        </option>
                      ))
                    )}
                  </select>
                </td>
                <td>
                  <button type="button" onClick={() => void test(jt)} data-testid={`test-${jt}`}>
                    {t('labels.settings.test')}
                  </button>
                </td>
              </tr>
              <tr className="labels-status-row">
                <td colSpan={4} className={status[jt]?.kind ?? 'ok'} role="status" data-testid={`printer-status-${jt}`}>
                  {status[jt]?.text ?? ''}
                </td>
              </tr>
              </Fragment>
            );
          })}
        </tbody>
      </table>
      <LabelContentSettings />
      <CustomStockForm stocks={stocks} onChanged={() => void call('labels:stock:list', {}).then(setStocks)} />
      <h3>{t('labels.settings.log')}</h3>
      {log.length === 0 ? (
        <p className="muted">{t('labels.settings.log.empty')}</p>
      ) : (
        <table className="labels-table" data-testid="print-log">
          <thead>
            <tr>
              <th>{t('labels.settings.log.when')}</th>
              <th>{t('labels.settings.log.what')}</th>
              <th>{t('labels.settings.log.printer')}</th>
              <th>{t('labels.settings.log.state')}</th>
            </tr>
          </thead>
          <tbody>
            {log.map((e) => (
              <tr key={e.id}>
                <td>{formatDateTime(e.createdAt)}</td>
                <td>{e.title}</td>
                <td>{e.printer || '–'}</td>
                <td className={e.state === 'failed' ? 'error' : e.state === 'saved' ? 'muted' : 'ok'} title={e.message || e.savedTo}>
                  {t(`labels.log.state.${e.state}`)}
                  {e.systemJobId ? ` (${e.systemJobId})` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
