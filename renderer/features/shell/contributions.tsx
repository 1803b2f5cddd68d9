import type { Contributions } from '../../app/registries';
import { UpdateBanner } from './UpdateBanner';
import { NavigateListener } from './NavigateListener';
import { AboutSection } from './AboutSection';
import { NotificationsSection } from './NotificationsSection';

/** What the shell capability adds: update banner, navigation from main, and two settings sections. */
export const shellContributions: Contributions = {
  overlays: [
    { id: 'shell-update-banner', Component: UpdateBanner },
    { id: 'shell-navigate', Component: NavigateListener },
  ],
  settingsSections: [
    { id: 'shell-notifications', order: 900, titleKey: 'shell.settings.notifications', Component: NotificationsSection },
    { id: 'shell-about', order: 1000, titleKey: 'shell.settings.updates', Component: AboutSection },
  ],
};
