import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const LOCALES_DIR = join(__dirname, '../locales');
/** i18next plural forms: `_one`/`_other` in English, `_other` alone in Chinese, count as one key. */
const PLURAL = /_(zero|one|two|few|many|other)$/;

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix.replace(PLURAL, '')];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

function leaves(value: unknown): string[] {
  if (typeof value !== 'object' || value === null) return [String(value)];
  return Object.values(value).flatMap(leaves);
}

const namespaces = readdirSync(join(LOCALES_DIR, 'en')).filter((f) => f.endsWith('.json'));
const read = (locale: string, file: string) => JSON.parse(readFileSync(join(LOCALES_DIR, locale, file), 'utf8')) as unknown;

describe('the console catalogs', () => {
  it('have the same namespaces in both languages', () => {
    expect(readdirSync(join(LOCALES_DIR, 'zh-CN')).filter((f) => f.endsWith('.json')).sort()).toEqual([...namespaces].sort());
  });

  it.each(namespaces)('%s: every key in both languages, none empty', (file) => {
    const zh = [...new Set(keys(read('zh-CN', file)))].sort();
    const en = [...new Set(keys(read('en', file)))].sort();
    expect(zh).toEqual(en);
    expect(leaves(read('zh-CN', file)).filter((s) => s.trim() === '')).toEqual([]);
    expect(leaves(read('en', file)).filter((s) => s.trim() === '')).toEqual([]);
  });

  it.each(namespaces)('%s: the Chinese catalog has no untranslated English sentence', (file) => {
    // A leaf with three English words in a row and no Chinese character was not translated.
    const suspicious = leaves(read('zh-CN', file)).filter((s) => !/[\u4e00-\u9fff]/.test(s) && /[A-Za-z]+\s+[A-Za-z]+\s+[A-Za-z]+/.test(s.replace(/\{\{[^}]+\}\}/g, '')));
    expect(suspicious).toEqual([]);
  });
});
