import type { Db } from '../types';
export type Migration = { version: number; name: string; up(db: Db): void };
