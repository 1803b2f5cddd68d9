import { useEffect, useState } from 'react';
import { useT } from '../../app/i18n';
import { call } from '../../ipc/client';
import { useJobs } from '../../stores/jobs';
import { ImportReport } from '../../../shared/orders/import-report';
import { fileToBase64 } from '../../app/files';
import { useOrders } from './store';
import { MappingForm } from './MappingForm';
import { Dialog } from '../../app/Dialog';

type Format = { id: string; label: string; hint: string };

/** Import: files from the dialog or a drop, format (auto), 'skip bad rows' vs 'all or nothing', progress, report. */
export function ImportDialog({ initialFiles, onClose }: { initialFiles: File[]; onClose(): void }) {
  const t = useT();
  const [files, setFiles] = useState<File[]>(initialFiles);
  const [formats, setFormats] = useState<Format[]>([]);
  const [format, setFormat] = useState('');
  const [allOrNothing, setAllOrNothing] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const job = useJobs((s) => (jobId ? s.jobs[jobId] : undefined));
  const upsert = useJobs((s) => s.upsert);
  const bump = useOrders((s) => s.bump);

  useEffect(() => {
    void call('orders:formats', {}).then(setFormats);
  }, []);
  useEffect(() => setFiles(initialFiles), [initialFiles]);
  // Fallback to events: look at the job now and then until it is through.
  useEffect(() => {
    if (!jobId || report) return;
    const h = setInterval(() => {
      void call('jobs:list', {}).then((jobs) => {
        const j = jobs.find((x) => x.id === jobId);
        if (j) upsert(j);
      });
    }, 1500);
    return () => clearInterval(h);
  }, [jobId, report, upsert]);
  useEffect(() => {
    if (!job || !['done', 'cancelled', 'failed'].includes(job.state)) return;
    const parsed = ImportReport.safeParse(job.result);
    if (parsed.success) setReport(parsed.data);
    else void call('orders:import:report', { jobId: job.id }).then(setReport);
    bump();
  }, [job, bump]);

  const [mappingFor, setMappingFor] = useState<File | null>(null);
  const start = async (only?: File[], mapping?: string) => {
    setError(null);
    setReport(null);
    try {
      const list = only ?? files;
      const payload = await Promise.all(list.map(async (f) => ({ name: f.name, dataBase64: await fileToBase64(f) })));
      const j = await call('orders:import', { files: payload, format: mapping ? undefined : format || undefined, allOrNothing, mapping });
      // Progress events may have arrived before this answer: never replace a newer state with the start state.
      if (!useJobs.getState().jobs[j.id]) upsert(j);
      setJobId(j.id);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const running = !!job && !report;
  const processed = job ? job.done + job.failed + job.skipped : 0;

  return (
    <Dialog titleId="import-title" testId="import-dialog" onClose={onClose}>
        <h2 id="import-title">{t('orders.import.title')}</h2>
        {!jobId && (
          <>
            <label className="file-pick">
              {t('orders.import.choose')}
              <input
                type="file"
                multiple
                accept=".csv,.txt,.tsv,.json,text/csv,text/plain,application/json"
                onChange={(e) => setFiles([...files, ...Array.from(e.target.files ?? [])])}
                data-testid="import-file-input"
              />
            </label>
            <ul className="file-list">
              {files.map((f, i) => (
                <li key={i}>
                  {f.name} <span className="muted">({Math.ceil(f.size / 1024)} KB)</span>
                </li>
              ))}
            </ul>
            <label className="field">
              <span>{t('orders.import.format')}</span>
              <select value={format} onChange={(e) => setFormat(e.target.value)} data-testid="import-format">
                <option value="">{t('orders.import.format.auto')}</option>
                {formats.filter((f) => f.id !== 'generic').map((f) => (
                  <option key={f.id} value={f.id}>
                    {f.label}
                  </option>
                ))}
              </select>
            </label>
            <fieldset>
              <legend>{t('orders.import.mode')}</legend>
              <label className="check">
                <input type="radio" name="mode" checked={!allOrNothing} onChange={() => setAllOrNothing(false)} /> {t('orders.import.mode.skip')}
              </label>
              <label className="check">
                <input type="radio" name="mode" checked={allOrNothing} onChange={() => setAllOrNothing(true)} data-testid="import-all-or-nothing" />{' '}
                {t('orders.import.mode.all')}
              </label>
            </fieldset>
          </>
        )}
        {running && (
          <div aria-live="polite">
            <p>{t('orders.import.running')}</p>
            {/* One big file is one step: an indeterminate bar says "working" honestly instead of sitting at 0 %. */}
            {job.total > 1 ? (
              <progress max={job.total} value={processed} aria-label={t('orders.import.running')} />
            ) : (
              <progress aria-label={t('orders.import.running')} />
            )}
          </div>
        )}
        {report && (
          <section className="import-report" aria-label={t('orders.import.report')} data-testid="import-report">
            <h3>{t('orders.import.report')}</h3>
            {report.files.map((f, i) => (
              <div key={i} className="report-file">
                <p>
                  {t('orders.import.report.file', { file: f.file, format: f.formatLabel, new: f.new, updated: f.updated, unchanged: f.unchanged, rejected: f.rejected })}
                </p>
                {f.error && <p className="error">{f.error}</p>}
                {f.format === 'unknown' && files.some((x) => x.name === f.file) && (
                  <button type="button" onClick={() => setMappingFor(files.find((x) => x.name === f.file)!)} data-testid="mapping-open">
                    {t('orders.mapping.open')}
                  </button>
                )}
                {f.rolledBack && <p className="warn">{t('orders.import.report.rolledBack')}</p>}
                {f.rejections.length > 0 && (
                  <ul className="rejections">
                    {f.rejections.map((r, j) => (
                      <li key={j}>{t('orders.import.report.line', { line: r.line, field: r.field, message: r.message })}</li>
                    ))}
                  </ul>
                )}
                {f.conflicts.map((c, j) => (
                  <p key={j} className="warn">
                    {t('orders.import.report.conflict', { externalId: c.externalId, fields: c.fields.join(', ') })}
                  </p>
                ))}
              </div>
            ))}
            <p>
              <strong>{t('orders.import.report.total', { new: report.new, updated: report.updated, unchanged: report.unchanged, rejected: report.rejected })}</strong>
            </p>
          </section>
        )}
        {mappingFor && (
          <MappingForm
            file={mappingFor}
            onCancel={() => setMappingFor(null)}
            onSaved={(name) => {
              const f = mappingFor;
              setMappingFor(null);
              void start([f], name);
            }}
          />
        )}
        {error && <p className="error">{error}</p>}
        <div className="form-actions">
          {!jobId && (
            <button type="button" className="primary" disabled={files.length === 0} onClick={() => void start()} data-testid="import-start">
              {t('orders.import.start')}
            </button>
          )}
          <button type="button" onClick={onClose} data-testid="import-close">
            {t('common.close')}
          </button>
        </div>
    </Dialog>
  );
}
