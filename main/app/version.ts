import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

declare const __PORTODESK_VERSION__: string | undefined;

/** The bundled app gets the version injected at build time; from source it is read from package.json. */
export function appVersion(): string {
  if (typeof __PORTODESK_VERSION__ === 'string') return __PORTODESK_VERSION__;
  const here = dirname(fileURLToPath(import.meta.url));
  return (JSON.parse(readFileSync(join(here, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;
}
