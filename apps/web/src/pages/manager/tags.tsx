import { Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../api/client';

/**
 * Tags of the manager's pages in colours with enough contrast (antd's preset gold, orange and green
 * text is too light on its own background); the word always says it, the colour only repeats it.
 */
export function RecommendationTag({ recommendation, big = false }: { recommendation: Schemas['Recommendation']; big?: boolean }) {
  const { t } = useTranslation();
  return (
    <Tag className={`manager-tag tone-${TONE[recommendation]}${big ? ' manager-big-tag' : ''}`} data-recommendation={recommendation}>
      {t(`words:recommendation.${recommendation}`)}
    </Tag>
  );
}

const TONE: Record<Schemas['Recommendation'], Tone> = { go: 'good', conditional: 'info', no_go: 'bad' };

export type Tone = 'good' | 'info' | 'warn' | 'bad' | 'plain';

export function ToneTag({ tone, children, ...rest }: { tone: Tone; children: ReactNode } & Record<`data-${string}`, string | boolean | undefined>) {
  return (
    <Tag className={`manager-tag tone-${tone}`} {...rest}>
      {children}
    </Tag>
  );
}

export const SEVERITY_TONE: Record<Schemas['Severity'], Tone> = { high: 'bad', medium: 'warn', low: 'plain' };
