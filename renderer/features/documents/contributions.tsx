import type { Contributions } from '../../app/registries';
import { PrintDocumentsDialog } from './PrintDocumentsDialog';
import { DocumentsDetailSection } from './DocumentsDetailSection';
import { DocumentsSettings } from './DocumentsSettings';
import './documents.css';

/** What the documents capability adds to the shell: 'Rechnung + Lieferschein' (Ctrl+P), the order's documents, the settings. */
export const documentsContributions: Contributions = {
  orderActions: [
    {
      id: 'documents.print',
      labelKey: 'documents.action',
      shortcut: 'Ctrl+P',
      order: 10,
      run(ctx) {
        if (!ctx.orderIds.length) return;
        ctx.openDialog(<PrintDocumentsDialog orderIds={ctx.orderIds} onClose={ctx.closeDialog} onDone={ctx.refresh} />);
      },
    },
  ],
  orderDetailSections: [{ id: 'documents', order: 10, Component: DocumentsDetailSection }],
  settingsSections: [{ id: 'documents', order: 20, titleKey: 'documents.settings.title', Component: DocumentsSettings }],
};
