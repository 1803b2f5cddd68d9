// Mounts the documents UI on its own (print dialog, order detail section, settings) with the app's
// styles, job area and progress events — a Chromium test of the components while the order list
// that hosts them is built elsewhere.
import { createRoot } from 'react-dom/client';
import { useEffect, useState } from 'react';
import { PrintDocumentsDialog } from '../../renderer/features/documents/PrintDocumentsDialog';
import { DocumentsDetailSection } from '../../renderer/features/documents/DocumentsDetailSection';
import { DocumentsSettings } from '../../renderer/features/documents/DocumentsSettings';
import { documentsContributions } from '../../renderer/features/documents/contributions';
import { JobArea } from '../../renderer/app/JobArea';
import { useJobs } from '../../renderer/stores/jobs';
import { onEvent } from '../../renderer/ipc/client';
import { useT } from '../../renderer/app/i18n';
import '../../renderer/styles/app.css';

const w = window as unknown as { __orderIds: number[] };

function Host() {
  const t = useT();
  const upsert = useJobs((s) => s.upsert);
  const [dialog, setDialog] = useState(false);
  const [tick, setTick] = useState(0);
  useEffect(() => onEvent('job:progress', upsert), [upsert]);
  const action = documentsContributions.orderActions![0]!;
  useEffect(() => {
    // Ctrl+P as the order list binds it.
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey && e.key.toLowerCase() === 'p') {
        e.preventDefault();
        setDialog(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <div className="app">
      <main className="content">
        <button type="button" onClick={() => setDialog(true)} data-testid="toolbar-documents">
          {t(action.labelKey)} ({action.shortcut})
        </button>
        {dialog && <PrintDocumentsDialog orderIds={w.__orderIds} onClose={() => setDialog(false)} onDone={() => setTick((n) => n + 1)} />}
        <DocumentsDetailSection key={tick} orderId={w.__orderIds[0]!} refresh={() => undefined} />
        <DocumentsSettings />
      </main>
      <JobArea />
    </div>
  );
}
createRoot(document.getElementById('root')!).render(<Host />);
