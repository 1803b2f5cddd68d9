import type { Contributions } from '../../app/registries';
import { ExportDialog } from './ExportDialog';
import { EInvoiceDetailSection } from './EInvoiceDetailSection';
import { ExportSettingsSection } from './ExportSettingsSection';

/** What the exports capability adds to the shell: 'Export' on the selection, the order's e-invoices, the settings. */
export const exportsContributions: Contributions = {
  orderActions: [
    {
      id: 'exports.export',
      labelKey: 'exports.action',
      order: 50,
      run(ctx) {
        ctx.openDialog(<ExportDialog orderIds={ctx.orderIds} onClose={ctx.closeDialog} />);
      },
    },
  ],
  orderDetailSections: [{ id: 'einvoice', order: 25, Component: EInvoiceDetailSection }],
  settingsSections: [{ id: 'exports', order: 50, titleKey: 'exports.settings.title', Component: ExportSettingsSection }],
};
