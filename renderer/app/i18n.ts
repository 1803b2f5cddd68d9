import { create } from 'zustand';
import { translate, type Locale, type MessageKey, type Params } from '../../shared/i18n';

type I18nState = { locale: Locale; setLocale(l: Locale): void };

export const useI18nStore = create<I18nState>((set) => ({
  locale: 'de',
  setLocale: (locale) => {
    document.documentElement.lang = locale;
    set({ locale });
  },
}));

/** t('nav.orders') → "Aufträge". German is the default whatever the OS says; English is chosen in the settings. */
export function useT(): (key: MessageKey | string, params?: Params) => string {
  const locale = useI18nStore((s) => s.locale);
  return (key, params) => translate(locale, key, params);
}
