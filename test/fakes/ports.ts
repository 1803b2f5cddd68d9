import type { Clock } from '../../main/ports/clock';
import type { Logger } from '../../main/ports/logger';
import type { SecretStore } from '../../main/ports/secret-store';
import type { Notifier, NotificationRequest } from '../../main/ports/notifier';
import type { Ports } from '../../main/app/core';
import { fetchHttp } from '../../main/adapters/fetch-http';

export class FakeClock implements Clock {
  private t: number;
  constructor(start: string | Date = '2026-11-23T09:00:00Z') {
    this.t = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.t);
  }
  set(iso: string | Date): void {
    this.t = new Date(iso).getTime();
  }
  advance(ms: number): void {
    this.t += ms;
  }
  advanceDays(days: number): void {
    this.t += days * 86_400_000;
  }
}

export class MemorySecretStore implements SecretStore {
  readonly data = new Map<string, string>();
  isAvailable() {
    return true;
  }
  async get(key: string) {
    return this.data.get(key) ?? null;
  }
  async set(key: string, value: string) {
    this.data.set(key, value);
  }
  async delete(key: string) {
    this.data.delete(key);
  }
}

export class RecordingNotifier implements Notifier {
  readonly shown: NotificationRequest[] = [];
  isSupported() {
    return true;
  }
  show(n: NotificationRequest) {
    this.shown.push(n);
  }
}

export class MemoryLogger implements Logger {
  readonly lines: { level: string; event: string; data?: Record<string, unknown> }[] = [];
  debug(event: string, data?: Record<string, unknown>) {
    this.lines.push({ level: 'debug', event, data });
  }
  info(event: string, data?: Record<string, unknown>) {
    this.lines.push({ level: 'info', event, data });
  }
  warn(event: string, data?: Record<string, unknown>) {
    this.lines.push({ level: 'warn', event, data });
  }
  error(event: string, data?: Record<string, unknown>) {
    this.lines.push({ level: 'error', event, data });
  }
}

export type FakePorts = Ports & { clock: FakeClock; secrets: MemorySecretStore; notifier: RecordingNotifier; logger: MemoryLogger };

export function fakePorts(overrides: Partial<Ports> = {}): FakePorts {
  return {
    clock: new FakeClock(),
    logger: new MemoryLogger(),
    secrets: new MemorySecretStore(),
    notifier: new RecordingNotifier(),
    http: fetchHttp,
    printer: null,
    updater: null,
    ...overrides,
  } as FakePorts;
}
