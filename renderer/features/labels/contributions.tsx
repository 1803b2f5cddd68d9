import type { Contributions } from '../../app/registries';
import { onEvent } from '../../ipc/client';
import { PrintLabelsDialog } from './PrintLabelsDialog';
import { PrinterSettings } from './PrinterSettings';
import { LabelDetailSection } from './LabelDetailSection';

/** What the labels capability adds to the shell: the 'Etiketten' batch action, the order's labels, the printer settings. */
export const labelsContributions: Contributions = {
  orderActions: [
    {
      id: 'labels.print',
      labelKey: 'labels.action',
      shortcut: 'Ctrl+L',
      order: 20,
      run(ctx) {
        if (!ctx.orderIds.length) return;
        ctx.openDialog(
          <PrintLabelsDialog
            orderIds={ctx.orderIds}
            onClose={ctx.closeDialog}
            onStarted={(job) => {
              ctx.closeDialog();
              // The list shows "Etikett gedruckt" once the job is through.
              const off = onEvent('job:progress', (j) => {
                if (j.id !== job.id || j.state === 'running' || j.state === 'queued') return;
                off();
                ctx.refresh();
              });
            }}
          />,
        );
      },
    },
  ],
  orderDetailSections: [{ id: 'labels', order: 30, Component: LabelDetailSection }],
  settingsSections: [{ id: 'printers', order: 40, titleKey: 'labels.settings.title', Component: PrinterSettings }],
};
