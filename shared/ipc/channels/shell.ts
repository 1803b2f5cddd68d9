import { z } from 'zod';
import { channel, type ChannelDef } from '../define';

const Empty = z.object({}).strict();

/** Where an update stands; the renderer shows a banner from this and nothing else. */
export const UpdateState = z.enum([
  'unsupported', // this install cannot update itself (dev run, test, deb package, store build, no feed)
  'idle', // nothing checked yet
  'checking',
  'up-to-date',
  'available', // found, download about to start
  'downloading',
  'downloaded', // ready; installs only when the seller says so
  'error',
]);
export type UpdateState = z.infer<typeof UpdateState>;

export const UpdateStatus = z.object({
  state: UpdateState,
  currentVersion: z.string(),
  /** The version on offer (kept in 'error' so the seller knows what failed). */
  version: z.string().nullable(),
  releaseNotes: z.string().nullable(),
  releaseDate: z.string().nullable(),
  percent: z.number().min(0).max(100).nullable(),
  /** German, for 'error' and 'unsupported'. */
  message: z.string().nullable(),
  /** Why updates do not apply here: not_packaged | test | linux_package | store | no_feed | no_updater | disabled. */
  reason: z.string().nullable(),
  lastCheckedAt: z.string().nullable(),
  nextCheckAt: z.string().nullable(),
  /** The seller chose "Später" for this version: no banner until the next version or a manual check. */
  dismissed: z.boolean(),
});
export type UpdateStatus = z.infer<typeof UpdateStatus>;

export const NotificationSettings = z.object({
  enabled: z.boolean(),
  jobs: z.boolean(),
  trial: z.boolean(),
  sync: z.boolean(),
  balance: z.boolean(),
});
export type NotificationSettings = z.infer<typeof NotificationSettings>;
export const NotificationCategory = z.enum(['jobs', 'trial', 'sync', 'balance']);
export type NotificationCategory = z.infer<typeof NotificationCategory>;

export const AboutInfo = z.object({
  appVersion: z.string(),
  electronVersion: z.string().nullable(),
  chromeVersion: z.string().nullable(),
  nodeVersion: z.string(),
  platform: z.string(),
  dataDir: z.string(),
  logsDir: z.string(),
});
export type AboutInfo = z.infer<typeof AboutInfo>;

export const SecretsStatus = z.object({
  available: z.boolean(),
  /** e.g. 'gnome_libsecret', 'kwallet5', 'dpapi', 'keychain', 'env' (CLI). */
  backend: z.string(),
  /** German: why secrets cannot be stored here and what to do. */
  message: z.string().nullable(),
});
export type SecretsStatus = z.infer<typeof SecretsStatus>;

/** The views a notification click or the menu can open (renderer/stores/navigation.ts). */
export const NavTarget = z.enum(['orders', 'franking', 'fees', 'settings']);
export type NavTarget = z.infer<typeof NavTarget>;

/** Channels of the shell capability. */
export const shellChannels = {
  'shell:about': channel(Empty, AboutInfo),
  'shell:logs:open': channel(Empty, z.object({ path: z.string(), opened: z.boolean() })),
  'shell:update:status': channel(Empty, UpdateStatus),
  'shell:update:check': channel(Empty, UpdateStatus),
  'shell:update:install': channel(Empty, UpdateStatus),
  'shell:update:dismiss': channel(Empty, UpdateStatus),
  'shell:notifications:get': channel(Empty, NotificationSettings),
  'shell:notifications:set': channel(NotificationSettings.partial().strict(), NotificationSettings),
  'shell:secrets:status': channel(Empty, SecretsStatus),
} satisfies Record<string, ChannelDef>;

/** Main → renderer events of the shell capability. */
export const shellEvents = {
  'update:status': UpdateStatus,
  /** Open a view: a notification was clicked or a menu entry chosen. */
  'app:navigate': z.object({ view: NavTarget }),
} satisfies Record<string, z.ZodType>;
