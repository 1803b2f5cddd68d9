import type { Contributions } from '../../app/registries';
import { ShipDialog } from './ShipDialog';
import { call } from '../../ipc/client';
import { downloadText } from '../../app/files';

/** What the orders capability adds to the shell: the 'Versendet' batch action and the tracking-upload files. */
export const ordersContributions: Contributions = {
  orderActions: [
    {
      id: 'orders.ship',
      labelKey: 'orders.ship',
      shortcut: 'Ctrl+Shift+V',
      order: 40,
      run: (ctx) =>
        ctx.openDialog(
          <ShipDialog
            ids={ctx.orderIds}
            onDone={() => {
              ctx.closeDialog();
              ctx.refresh();
            }}
          />,
        ),
    },
    {
      id: 'orders.tracking.ebay',
      labelKey: 'orders.tracking.ebay',
      order: 90,
      run: async (ctx) => {
        const r = await call('orders:tracking:export', { target: 'ebay', ids: ctx.orderIds });
        downloadText(r.fileName, r.content, 'text/csv;charset=utf-8');
      },
    },
    {
      id: 'orders.tracking.amazon',
      labelKey: 'orders.tracking.amazon',
      order: 91,
      run: async (ctx) => {
        const r = await call('orders:tracking:export', { target: 'amazon', ids: ctx.orderIds });
        downloadText(r.fileName, r.content);
      },
    },
  ],
};
