import type { Timers } from '../../main/services/shell/timers';
import type { UpdateInfo, UpdaterEvent, UpdaterPort } from '../../main/ports/updater';
import type { FakeClock } from '../fakes/ports';

/** Timers that fire when a FakeClock is moved past their due time. */
export class FakeTimers implements Timers {
  private seq = 0;
  private pending = new Map<number, { due: number; fn: () => void }>();
  constructor(private clock: FakeClock) {}
  setTimeout(fn: () => void, ms: number): unknown {
    const id = ++this.seq;
    this.pending.set(id, { due: this.clock.now().getTime() + ms, fn });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }
  /** Due times of pending timers, relative to now (ms). */
  delays(): number[] {
    const now = this.clock.now().getTime();
    return [...this.pending.values()].map((p) => p.due - now).sort((a, b) => a - b);
  }
  /** Moves the clock by `ms`, firing every timer that falls due on the way (and letting promises settle). */
  async advance(ms: number): Promise<void> {
    const end = this.clock.now().getTime() + ms;
    for (;;) {
      const next = [...this.pending.entries()].filter(([, p]) => p.due <= end).sort((a, b) => a[1].due - b[1].due)[0];
      if (!next) break;
      this.pending.delete(next[0]);
      this.clock.set(new Date(next[1].due));
      next[1].fn();
      await flush();
    }
    this.clock.set(new Date(end));
    await flush();
  }
}

export async function flush(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
  await new Promise((r) => setImmediate(r));
}

type Step = { kind: 'none' } | { kind: 'update'; info: UpdateInfo } | { kind: 'error'; message: string };

/** An UpdaterPort whose answers the test scripts; records every call. */
export class FakeUpdater implements UpdaterPort {
  readonly calls: string[] = [];
  private answers: Step[] = [];
  private listeners = new Set<(e: UpdaterEvent) => void>();
  private downloadResolve: (() => void) | null = null;
  private downloadReject: ((e: Error) => void) | null = null;

  /** The next check()es answer in this order; the last answer repeats. */
  willAnswer(...steps: Step[]): this {
    this.answers.push(...steps);
    return this;
  }
  async check(): Promise<UpdateInfo | null> {
    this.calls.push('check');
    const step = this.answers.length > 1 ? this.answers.shift()! : (this.answers[0] ?? { kind: 'none' });
    if (step.kind === 'error') throw new Error(step.message);
    return step.kind === 'update' ? step.info : null;
  }
  download(): Promise<void> {
    this.calls.push('download');
    return new Promise((resolve, reject) => {
      this.downloadResolve = resolve;
      this.downloadReject = reject;
    });
  }
  progress(percent: number): void {
    this.emit({ type: 'progress', percent });
  }
  finishDownload(info: UpdateInfo): void {
    this.emit({ type: 'downloaded', info });
    this.downloadResolve?.();
  }
  failDownload(message: string): void {
    this.downloadReject?.(new Error(message));
  }
  quitAndInstall(): void {
    this.calls.push('quitAndInstall');
  }
  on(listener: (e: UpdaterEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  private emit(e: UpdaterEvent): void {
    this.listeners.forEach((l) => l(e));
  }
}

export const v = (version: string, notes = `Neu in ${version}`): { kind: 'update'; info: UpdateInfo } => ({
  kind: 'update',
  info: { version, releaseNotes: notes, releaseDate: '2026-11-20T10:00:00Z' },
});
