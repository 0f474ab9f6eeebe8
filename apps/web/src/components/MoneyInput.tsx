import { InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../i18n';
import { formatMoney } from '../lib/format';

/** 万元 in Chinese, whole CNY in English: what one unit typed in an amount field is worth in yuan. */
export function unitOf(locale: string): number {
  return locale === 'zh-CN' ? 10_000 : 1;
}

interface MoneyInputProps {
  /** Whole yuan (what the API takes), or null while empty. */
  value?: number | null;
  onChange?: (value: number | null) => void;
  id?: string;
  'data-testid'?: string;
  'aria-invalid'?: boolean | 'true' | 'false';
  'aria-describedby'?: string;
  'aria-required'?: boolean | 'true' | 'false';
}

/**
 * An amount typed the way the park says it (万元 in Chinese, CNY in English), held as whole yuan,
 * with the amount as the park writes it shown as it is typed ("= 3.2亿元").
 */
export function MoneyInput({ value, onChange, id, ...rest }: MoneyInputProps) {
  const { t, i18n } = useTranslation();
  const unit = unitOf(i18n.language);
  const shown = value === null || value === undefined ? null : value / unit;
  const echoId = id ? `${id}-echo` : undefined;
  return (
    <div className="money-input">
      <InputNumber<number>
        {...rest}
        id={id}
        aria-describedby={[rest['aria-describedby'], echoId].filter(Boolean).join(' ') || undefined}
        value={shown}
        min={0}
        style={{ width: 260 }}
        inputMode="decimal"
        suffix={t('money.unit')}
        onChange={(v) => onChange?.(v === null || v === undefined || Number.isNaN(v) ? null : Math.round(v * unit))}
      />
      <span id={echoId} className="money-input-echo" aria-live="polite">
        {value !== null && value !== undefined ? t('money.echo', { amount: formatMoney(value, i18n.language as Locale) }) : ''}
      </span>
    </div>
  );
}
