import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeApp, type PortodeskApp, type ComposeOptions } from '../../main/app/compose';
import { fakePorts, type FakePorts } from '../fakes/ports';

export type TestApp = PortodeskApp & { ports: FakePorts; dataDir: string; cleanup(): Promise<void> };

export function tempDir(prefix = 'portodesk-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A real app on a real SQLite file in a temp folder, with fake ports (clock, secrets, notifier). */
export function createTestApp(opts: { dataDir?: string; ports?: Partial<FakePorts>; config?: ComposeOptions['config'] } = {}): TestApp {
  const dataDir = opts.dataDir ?? tempDir();
  const ports = { ...fakePorts(), ...opts.ports } as FakePorts;
  const app = composeApp({ dataDir, ports, config: opts.config });
  return Object.assign(app, {
    ports,
    dataDir,
    async cleanup() {
      await app.close();
      if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  });
}
