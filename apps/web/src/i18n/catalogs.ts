import zhCommon from '../locales/zh-CN/common.json';
import enCommon from '../locales/en/common.json';

/** Every namespace of the console's words; both languages have the same keys (a unit test checks). */
export const NAMESPACES = ['common', 'reviewer', 'officer', 'manager', 'admin'] as const;
export type Namespace = (typeof NAMESPACES)[number];

/** In the first chunk: the words of the frame and of sign-in. */
export const EAGER = { 'zh-CN': { common: zhCommon }, en: { common: enCommon } };

/** The others load with the first page that asks for them (each JSON file is its own chunk). */
const LAZY = import.meta.glob<{ default: Record<string, unknown> }>(['../locales/*/*.json', '!../locales/*/common.json']);

export function loadNamespace(locale: string, namespace: string): Promise<Record<string, unknown>> {
  const load = LAZY[`../locales/${locale}/${namespace}.json`];
  if (!load) return Promise.reject(new Error(`no catalog ${locale}/${namespace}`));
  return load().then((m) => m.default);
}
