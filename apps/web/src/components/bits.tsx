import { Alert, Button, Result, Skeleton, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiFailure } from '../api/client';
import type { Schemas } from '../api/client';
import type { Locale } from '../i18n';
import { daysUntil, dueState, formatMoney } from '../lib/format';

type Tone = 'neutral' | 'blue' | 'amber' | 'green' | 'red';

/** Tag colours with text at 4.5:1 or more on their background (axe-core checks every page). */
const TONES: Record<Tone, { color: string; background: string; borderColor: string }> = {
  neutral: { color: '#334155', background: '#f1f5f9', borderColor: '#cbd5e1' },
  blue: { color: '#1e40af', background: '#eff6ff', borderColor: '#bfdbfe' },
  amber: { color: '#92400e', background: '#fffbeb', borderColor: '#fcd34d' },
  green: { color: '#166534', background: '#f0fdf4', borderColor: '#86efac' },
  red: { color: '#991b1b', background: '#fef2f2', borderColor: '#fca5a5' },
};

const STATUS_TONES: Record<Schemas['ProjectStatus'], Tone> = {
  screening: 'neutral',
  in_review: 'blue',
  synthesis: 'blue',
  awaiting_decision: 'amber',
  information_requested: 'amber',
  awaiting_second_approval: 'amber',
  approved: 'green',
  signed: 'green',
  rejected: 'red',
  withdrawn: 'neutral',
  lapsed: 'neutral',
};

/** A project's status in the words of the one table (libs/domain/src/words.ts). */
export function StatusBadge({ status }: { status: Schemas['ProjectStatus'] }) {
  const { t } = useTranslation();
  return (
    <Tag style={TONES[STATUS_TONES[status]]} data-status={status}>
      {t(`words:status.${status}`)}
    </Tag>
  );
}

/** An amount the way the park writes it in the reader's language. */
export function Money({ value }: { value: { amount: number; currency?: string } }) {
  const { i18n } = useTranslation();
  return <span className="money">{formatMoney(value.amount, i18n.language as Locale, value.currency)}</span>;
}

/** A due date, relative ("3 天后到期"), red when overdue and orange when due within two days. */
export function Due({ at }: { at: string }) {
  const { t } = useTranslation();
  const state = dueState(at);
  const days = daysUntil(at);
  const text = state === 'overdue' ? t('due.overdue', { count: Math.max(1, -days) }) : days === 0 ? t('due.today') : t('due.inDays', { count: days });
  const tone: Tone = state === 'overdue' ? 'red' : state === 'soon' ? 'amber' : 'neutral';
  return (
    <Tag style={TONES[tone]} data-due={state} title={at.slice(0, 10)}>
      {text}
    </Tag>
  );
}

/**
 * What a page shows while its query loads or when it failed: "not found" for a 404 (also what the
 * API answers for something the caller may not see), otherwise the API's message and a retry.
 */
export function Loading({ query, children }: { query: { isPending: boolean; error: unknown; refetch: () => unknown }; children: () => ReactNode }) {
  const { t } = useTranslation();
  if (query.error) {
    const failure = query.error instanceof ApiFailure ? query.error : null;
    // Not antd's 404/403 pictures: they carry English text of their own.
    if (failure?.status === 404 || failure?.status === 400) return <Result status="warning" title={<h1 className="result-title">{t('error.notFound')}</h1>} />;
    if (failure?.status === 403) return <Result status="warning" title={<h1 className="result-title">{t('error.forbidden')}</h1>} />;
    return (
      <Alert
        type="error"
        role="alert"
        title={t('error.generic', { message: failure?.message ?? String(query.error) })}
        action={<Button onClick={() => void query.refetch()}>{t('error.retry')}</Button>}
      />
    );
  }
  if (query.isPending) return <Skeleton active aria-label={t('loading')} />;
  return <>{children()}</>;
}

/** The API's refusal of an action, in a sentence for the person who tried it. */
export function failureText(error: unknown, t: (key: string, o?: Record<string, unknown>) => string): string {
  if (!(error instanceof ApiFailure)) return t('error.generic', { message: String(error) });
  if (error.status === 403) return `${t('error.forbidden')} ${error.message}`;
  if (error.status === 409) return t('error.conflict', { message: error.message });
  if (error.status === 503) return t('error.unavailable');
  return t('error.generic', { message: error.message });
}
