import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import pdfmake from 'pdfmake';

const require = createRequire(import.meta.url);

/** Roboto ships inside the pdfmake package: the PDFs embed it, nothing is fetched. */
export const ROBOTO_DIR = join(dirname(require.resolve('pdfmake/fonts/Roboto.js')), 'Roboto');

type PdfMakeServer = typeof pdfmake & {
  setLocalAccessPolicy(cb: (p: string) => boolean): void;
  setUrlAccessPolicy(cb: (u: string) => boolean): void;
};

/**
 * pdfmake for Node, set up once per process: Roboto from the package, no URL ever fetched and no
 * file read outside the font folder. Used by the invoice engine and by the billing service's fee invoices.
 */
export const pdfmakeOffline: PdfMakeServer = (() => {
  const pm = pdfmake as PdfMakeServer;
  pm.setFonts({
    Roboto: {
      normal: join(ROBOTO_DIR, 'Roboto-Regular.ttf'),
      bold: join(ROBOTO_DIR, 'Roboto-Medium.ttf'),
      italics: join(ROBOTO_DIR, 'Roboto-Italic.ttf'),
      bolditalics: join(ROBOTO_DIR, 'Roboto-MediumItalic.ttf'),
    },
  });
  pm.setUrlAccessPolicy(() => false);
  pm.setLocalAccessPolicy((p) => p.startsWith(ROBOTO_DIR));
  return pm;
})();
