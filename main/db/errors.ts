import { AppError } from '../../shared/errors';

export class DbFromFutureError extends AppError {
  constructor(file: string, found: number, known: number) {
    super(
      'DB_FROM_FUTURE',
      `Die Datenbank ${file} wurde von einer neueren Portodesk-Version angelegt (Schema ${found}, diese Version kennt ${known}). ` +
        'Bitte installieren Sie die neueste Portodesk-Version. Die Datei wurde nicht verändert.',
      { file, found, known },
    );
  }
}
