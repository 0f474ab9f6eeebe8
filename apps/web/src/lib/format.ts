import type { Locale } from '../i18n';

const YI = 100_000_000;
const WAN = 10_000;

/** Trims a fixed-point number's trailing zeros: 3.20 → 3.2, 5.00 → 5. */
function trim(n: number, digits: number): string {
  return n.toFixed(digits).replace(/\.?0+$/, '');
}

/**
 * An amount the way the park writes it: 亿元 / 万元 in Chinese (3.2亿元, 8,000万元), CNY with
 * thousands separators in English (CNY 320,000,000). Amounts are whole yuan.
 */
export function formatMoney(amount: number, locale: Locale, currency = 'CNY'): string {
  if (locale === 'zh-CN') {
    if (Math.abs(amount) >= YI) return `${trim(amount / YI, 2)}亿元`;
    if (Math.abs(amount) >= WAN) return `${new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 }).format(amount / WAN)}万元`;
    return `${new Intl.NumberFormat('zh-CN').format(amount)}元`;
  }
  return `${currency} ${new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format(amount)}`;
}

/** A date as the console shows it: 2026-12-02 (in the reader's time zone). */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Date and time: 2026-12-02 14:05. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${formatDate(iso)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export type DueState = 'overdue' | 'soon' | 'later';

/** Overdue, due within two days, or later. */
export function dueState(dueAt: string, now = Date.now()): DueState {
  const left = new Date(dueAt).getTime() - now;
  if (left < 0) return 'overdue';
  if (left < 2 * 86_400_000) return 'soon';
  return 'later';
}

/** Whole days from now to `iso` (negative when past), rounded toward "sooner". */
export function daysUntil(iso: string, now = Date.now()): number {
  const ms = new Date(iso).getTime() - now;
  return ms >= 0 ? Math.floor(ms / 86_400_000) : -Math.ceil(-ms / 86_400_000);
}
