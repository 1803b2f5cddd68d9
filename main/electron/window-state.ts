// Pure (node:fs only): the window's last size and place, kept in the data folder.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export type WindowState = { x?: number; y?: number; width: number; height: number; maximized: boolean };
export type Rect = { x: number; y: number; width: number; height: number };

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1400, height: 900, maximized: false };

/** Reads the saved state; anything missing or broken gives the default (never an error at start). */
export function loadWindowState(file: string): WindowState {
  try {
    const raw = JSON.parse(readFileSync(file, 'utf8')) as Partial<WindowState>;
    const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? Math.round(v) : undefined);
    const width = num(raw.width);
    const height = num(raw.height);
    if (!width || !height) return { ...DEFAULT_WINDOW_STATE };
    const x = num(raw.x);
    const y = num(raw.y);
    return { ...(x !== undefined && y !== undefined ? { x, y } : {}), width, height, maximized: raw.maximized === true };
  } catch {
    return { ...DEFAULT_WINDOW_STATE };
  }
}

export function saveWindowState(file: string, state: WindowState): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, JSON.stringify(state));
  renameSync(tmp, file);
}

/**
 * Fits a saved state to the screens there are now: a window saved on a monitor that is gone comes
 * back centred on the primary screen instead of off-screen; a size larger than the screen shrinks.
 */
export function fitToDisplays(state: WindowState, workAreas: Rect[]): WindowState {
  const primary = workAreas[0];
  if (!primary) return state;
  const width = Math.min(Math.max(state.width, 960), primary.width);
  const height = Math.min(Math.max(state.height, 600), primary.height);
  if (state.x !== undefined && state.y !== undefined) {
    const visible = workAreas.some((a) => {
      const ox = Math.min(state.x! + width, a.x + a.width) - Math.max(state.x!, a.x);
      const oy = Math.min(state.y! + height, a.y + a.height) - Math.max(state.y!, a.y);
      // At least the title bar region (100 × 50 px) must be reachable.
      return ox >= 100 && oy >= 50 && state.y! >= a.y - 10;
    });
    if (visible) return { ...state, width: state.width, height: state.height };
  }
  return {
    x: primary.x + Math.round((primary.width - width) / 2),
    y: primary.y + Math.round((primary.height - height) / 2),
    width,
    height,
    maximized: state.maximized,
  };
}
