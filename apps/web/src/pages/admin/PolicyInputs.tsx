import { Input, InputNumber, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Money } from '../../components/bits';

/** The units a policy duration is edited in, largest first, with their length in milliseconds. */
const UNITS = [
  { unit: 'days', ms: 86_400_000 },
  { unit: 'hours', ms: 3_600_000 },
  { unit: 'minutes', ms: 60_000 },
  { unit: 'seconds', ms: 1_000 },
] as const;
type Unit = (typeof UNITS)[number]['unit'];

// The API's own form of a duration (libs/domain duration.ts): weeks, days, hours, minutes, seconds.
const ISO = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d{1,3})?)S)?)?$/;

function toMs(iso: string): number | null {
  const m = iso !== 'P' && !iso.endsWith('T') ? ISO.exec(iso) : null;
  if (!m) return null;
  const n = (part: string | undefined) => (part === undefined ? 0 : Number(part));
  return ((((n(m[1]) * 7 + n(m[2])) * 24 + n(m[3])) * 60 + n(m[4])) * 60 + n(m[5])) * 1000;
}

/** A duration as a number of its largest whole unit: P14D → 14 days, PT36H → 36 hours, P1DT2H → 26 hours. */
function split(iso: string): { amount: number; unit: Unit } | null {
  const ms = toMs(iso);
  if (ms === null) return null;
  const whole = UNITS.find((u) => ms > 0 && ms % u.ms === 0) ?? UNITS[3];
  return { amount: ms / whole.ms, unit: whole.unit };
}

function join(amount: number, unit: Unit): string {
  const letter = { days: 'D', hours: 'H', minutes: 'M', seconds: 'S' }[unit];
  return unit === 'days' ? `P${amount}D` : `PT${amount}${letter}`;
}

/**
 * An ISO-8601 duration (the policy's form) edited as a number and a unit. The value stays the
 * string the API sent until it is changed; one the page cannot read is edited as text.
 */
export function DurationInput({ id, value, onChange, disabled }: { id?: string; value?: string; onChange?: (v: string) => void; disabled?: boolean }) {
  const { t } = useTranslation('admin');
  const parsed = value ? split(value) : null;
  const [unit, setUnit] = useState<Unit>(parsed?.unit ?? 'days');
  const shownUnit = parsed?.unit ?? unit;
  if (value && !parsed) {
    return <Input id={id} value={value} disabled={disabled} onChange={(e) => onChange?.(e.target.value)} />;
  }
  return (
    <Space wrap>
      <Space.Compact>
        <InputNumber
          id={id}
          min={0}
          precision={shownUnit === 'seconds' ? undefined : 0}
          value={parsed?.amount ?? null}
          disabled={disabled}
          style={{ width: 120 }}
          onChange={(n) => onChange?.(n === null ? '' : join(n, shownUnit))}
        />
        <Select<Unit>
          aria-label={t('policy.unit')}
          value={shownUnit}
          disabled={disabled}
          style={{ width: 110 }}
          options={UNITS.map((u) => ({ value: u.unit, label: t(`policy.units.${u.unit}`) }))}
          onChange={(u) => {
            setUnit(u);
            if (parsed) onChange?.(join(parsed.amount, u));
          }}
        />
      </Space.Compact>
      <code className="admin-iso" title={t('policy.isoTitle')}>
        {value}
      </code>
    </Space>
  );
}

/** Whole yuan, with the amount the way the park reads it next to the field. */
interface YuanInputProps {
  id?: string;
  value?: number | null;
  onChange?: (v: number | null) => void;
  disabled?: boolean;
}

export function YuanInput({ id, value, onChange, disabled }: YuanInputProps) {
  const { t } = useTranslation('admin');
  return (
    <Space wrap>
      <InputNumber<number>
        id={id}
        min={0}
        precision={0}
        value={value ?? null}
        disabled={disabled}
        style={{ width: 220 }}
        suffix={t('policy.yuan')}
        formatter={(v) => (v === undefined || v === null || `${v}` === '' ? '' : `${v}`.replace(/\B(?=(\d{3})+(?!\d))/g, ','))}
        // A string, not Number(''): an emptied field is no amount rather than 0.
        parser={(v) => (v ?? '').replace(/[^\d]/g, '') as unknown as number}
        onChange={(n) => onChange?.(n)}
      />
      {typeof value === 'number' && (
        <span className="admin-money-preview" data-testid="money-preview">
          = <Money value={{ amount: value }} />
        </span>
      )}
    </Space>
  );
}
