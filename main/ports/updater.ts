export type UpdateInfo = { version: string; releaseNotes: string; releaseDate: string };
export type UpdaterEvent =
  | { type: 'available'; info: UpdateInfo }
  | { type: 'not-available' }
  | { type: 'progress'; percent: number }
  | { type: 'downloaded'; info: UpdateInfo }
  | { type: 'error'; message: string };
/** electron-updater behind a port: the policy lives in a service and is tested with a fake. */
export interface UpdaterPort {
  check(): Promise<UpdateInfo | null>;
  download(): Promise<void>;
  quitAndInstall(): void;
  on(listener: (e: UpdaterEvent) => void): () => void;
}
