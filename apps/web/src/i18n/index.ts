import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { WORDS } from '@dueflow/words';
import { EAGER, loadNamespace, NAMESPACES } from './catalogs';

export { NAMESPACES };
export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

const STORED = 'dueflow.locale';

/** Before sign-in: the last language chosen on this browser, else the browser's, else Chinese. */
export function initialLocale(): Locale {
  const stored = window.localStorage.getItem(STORED);
  if (stored === 'zh-CN' || stored === 'en') return stored;
  return navigator.language.toLowerCase().startsWith('zh') || !navigator.language.toLowerCase().startsWith('en') ? 'zh-CN' : 'en';
}

/**
 * Keys the pages asked for that no catalog has: the browser suite reads this list and fails on
 * any entry, so an untranslated key cannot ship.
 */
export const missingKeys: string[] = [];
declare global {
  interface Window {
    __dueflowMissingKeys?: string[];
  }
}
window.__dueflowMissingKeys = missingKeys;

void i18n
  .use(initReactI18next)
  .use({
    type: 'backend',
    init: () => undefined,
    read: (locale: string, namespace: string, done: (error: unknown, data?: unknown) => void) => {
      loadNamespace(locale, namespace).then(
        (data) => done(null, data),
        (error: unknown) => done(error),
      );
    },
  })
  .init({
    lng: initialLocale(),
    fallbackLng: false,
    ns: ['common', 'words'],
    defaultNS: 'common',
    supportedLngs: [...LOCALES],
    // The frame's words and the process's words are in the first chunk; a page's own namespace
    // (one of NAMESPACES) loads with it.
    partialBundledLanguages: true,
    resources: {
      'zh-CN': { ...EAGER['zh-CN'], words: WORDS['zh-CN'] },
      en: { ...EAGER.en, words: WORDS.en },
    },
    interpolation: { escapeValue: false },
    returnNull: false,
    saveMissing: true,
    missingKeyHandler: (lngs, ns, key) => {
      missingKeys.push(`${lngs.join(',')}:${ns}:${key}`);
    },
  });

/** Switches the page's language (and remembers it on this browser; the account keeps it too). */
export async function switchLocale(locale: Locale): Promise<void> {
  window.localStorage.setItem(STORED, locale);
  document.documentElement.lang = locale;
  await i18n.changeLanguage(locale);
}

document.documentElement.lang = i18n.language;

export default i18n;
