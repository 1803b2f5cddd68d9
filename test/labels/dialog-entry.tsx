// Mounts the labels dialog on its own (with the app's styles, job area and progress events), for a
// Chromium test of the component while the order list that hosts it is built elsewhere.
import { createRoot } from 'react-dom/client';
import { useEffect, useState } from 'react';
import { PrintLabelsDialog } from '../../renderer/features/labels/PrintLabelsDialog';
import { LabelDetailSection } from '../../renderer/features/labels/LabelDetailSection';
import { JobArea } from '../../renderer/app/JobArea';
import { useJobs } from '../../renderer/stores/jobs';
import { onEvent } from '../../renderer/ipc/client';
import '../../renderer/styles/app.css';

const w = window as unknown as { __orderIds: number[]; __started?: string; __closed?: boolean };

function Host() {
  const upsert = useJobs((s) => s.upsert);
  const [open, setOpen] = useState(true);
  useEffect(() => onEvent('job:progress', upsert), [upsert]);
  return (
    <div className="app">
      <main className="content">
        {open && (
          <PrintLabelsDialog
            orderIds={w.__orderIds}
            onClose={() => ((w.__closed = true), setOpen(false))}
            onStarted={(job) => ((w.__started = job.id), setOpen(false))}
          />
        )}
        {!open && <LabelDetailSection orderId={w.__orderIds[0]!} refresh={() => undefined} />}
      </main>
      <JobArea />
    </div>
  );
}
createRoot(document.getElementById('root')!).render(<Host />);
