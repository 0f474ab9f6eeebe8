import { localizedRubric } from './rubric-text';
import { FORECAST_ASSUMPTIONS } from './synthesis';
import type { SynthesisReport } from './synthesis';
import { TRACKS } from './types';
import type { UserLocale } from './types';

/** The synthesis rules in Chinese, by id (the English is the rule's own description). */
const RULES_ZH: Record<string, string> = {
  R1: '综合得分低于 2.5 分，或没有任何有效评审意见：不建议签约',
  R2: '两个及以上评审组提出同一项高严重度风险：不建议签约',
  R3: '任一评审组未达到法定评审人数：有条件签约',
  R4: '综合得分不低于 3.5 分、无高严重度风险，且至少一半评审意见建议签约：建议签约',
  R5: '其他情况：有条件签约',
};

/** The forecast's assumptions in Chinese, in the order of FORECAST_ASSUMPTIONS. */
const ASSUMPTIONS_ZH: readonly string[] = [
  '实现率以综合得分占满分 5 分的比例为起点。',
  '每一项合并后的高严重度风险使实现率降低 10 个百分点。',
  '每一个未达到法定评审人数的评审组使实现率降低 5 个百分点。',
  '实现率限定在 0 到 1 之间；没有任何有效评审意见时为 0。',
  '资本背书（跟投意向）不计入已承诺资金。',
  '预计投资额为申报总投资额乘以实现率，向下取整到元。',
];

/**
 * A stored synthesis report as a reader in `locale` reads it: the rules and the forecast's
 * assumptions in their language (the report keeps the English it was made with). Text the
 * catalogs do not know (a rule or assumption of a later version) stays as stored.
 */
export function localizedSynthesis<T extends Pick<SynthesisReport, 'rules' | 'forecast'>>(report: T, locale: UserLocale): T {
  if (locale !== 'zh-CN') return report;
  return {
    ...report,
    rules: report.rules.map((r) => ({ ...r, description: RULES_ZH[r.id] ?? r.description })),
    forecast: {
      ...report.forecast,
      assumptions: report.forecast.assumptions.map((a) => {
        const i = FORECAST_ASSUMPTIONS.indexOf(a);
        return i >= 0 ? (ASSUMPTIONS_ZH[i] ?? a) : a;
      }),
    },
  };
}

/** Every criterion key of every track's rubric → its label in the reader's language. */
export function criterionLabels(locale: UserLocale): Record<string, string> {
  return Object.fromEntries(TRACKS.flatMap((track) => localizedRubric(track, locale).criteria.map((c) => [c.key, c.label])));
}
