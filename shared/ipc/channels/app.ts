import { z } from 'zod';
import { channel } from '../define';
import { CompanySettings } from '../../domain/settings';
import { JobView } from '../../domain/job';

export const AppInfo = z.object({
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  dataDir: z.string(),
  platform: z.string(),
});
export type AppInfo = z.infer<typeof AppInfo>;

const SettingValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const appChannels = {
  'app:info': channel(z.object({}).strict(), AppInfo),
  'settings:company:get': channel(z.object({}).strict(), CompanySettings),
  'settings:company:save': channel(CompanySettings, CompanySettings),
  'settings:get': channel(z.object({ key: z.string().min(1) }).strict(), z.object({ key: z.string(), value: SettingValue })),
  'settings:set': channel(
    z.object({ key: z.string().min(1), value: SettingValue }).strict(),
    z.object({ key: z.string(), value: SettingValue }),
  ),
  'jobs:list': channel(z.object({ active: z.boolean().optional() }).strict(), z.array(JobView)),
  'jobs:cancel': channel(z.object({ jobId: z.string() }).strict(), JobView),
  'jobs:resume': channel(z.object({ jobId: z.string() }).strict(), JobView),
};
