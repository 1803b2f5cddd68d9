import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, tempDir, type TestApp } from '../harness/test-app';

/** The shutdown main/electron performs: app.close() pauses running jobs; the next start resumes them. */
describe('clean shutdown and resume', () => {
  let apps: TestApp[] = [];
  afterEach(async () => {
    for (const a of apps) await a.cleanup();
    apps = [];
  });

  function open(dataDir: string, seen: string[]) {
    const app = createTestApp({ dataDir });
    apps.push(app);
    app.core.jobs.register<{ n: number }>({
      kind: 'shell.test.slow',
      label: () => 'Langsame Testaufgabe',
      async runItem(ref) {
        await new Promise((r) => setTimeout(r, 40));
        seen.push(ref);
        return { state: 'done' };
      },
    });
    return app;
  }

  it('a job running at quit is paused after its current item and finishes every item once at the next start', async () => {
    const dataDir = tempDir();
    const seen: string[] = [];
    const refs = Array.from({ length: 12 }, (_, i) => `item-${i + 1}`);
    const first = open(dataDir, seen);
    const job = first.core.jobs.start('shell.test.slow', { n: 12 }, refs);
    await new Promise((r) => setTimeout(r, 150));
    await first.close();
    const doneAtQuit = seen.length;
    expect(doneAtQuit).toBeGreaterThan(0);
    expect(doneAtQuit).toBeLessThan(12);

    const second = open(dataDir, seen);
    expect(second.core.jobs.view(job.id).state).toBe('paused');
    expect(second.core.jobs.resumeInterrupted()).toEqual([job.id]);
    const done = await second.core.jobs.wait(job.id);
    expect(done.state).toBe('done');
    expect(done.done).toBe(12);
    expect([...seen].sort()).toEqual([...refs].sort());
  });
});
