import { criterionLabels, localizedSynthesis } from './synthesis-text';
import { FORECAST_ASSUMPTIONS } from './synthesis';

const report = {
  rules: ['R1', 'R2', 'R3', 'R4', 'R5', 'R9'].map((id) => ({ id, description: `english ${id}`, fired: id === 'R4' })),
  forecast: { outlook: 'favourable' as const, expectedInvestment: { amount: 1, currency: 'CNY' as const }, realisationRate: 0.8, assumptions: [...FORECAST_ASSUMPTIONS, 'a later assumption'] },
};

describe('localizedSynthesis', () => {
  it('gives a zh-CN reader every known rule and assumption in Chinese, and leaves unknown ones as stored', () => {
    const zh = localizedSynthesis(report, 'zh-CN');
    expect(zh.rules.slice(0, 5).every((r) => /[\u4e00-\u9fff]/.test(r.description))).toBe(true);
    expect(zh.rules[5]!.description).toBe('english R9');
    expect(zh.rules.map((r) => r.fired)).toEqual(report.rules.map((r) => r.fired));
    expect(zh.forecast.assumptions.slice(0, FORECAST_ASSUMPTIONS.length).every((a) => /[\u4e00-\u9fff]/.test(a))).toBe(true);
    expect(zh.forecast.assumptions.at(-1)).toBe('a later assumption');
    expect(zh.forecast.realisationRate).toBe(0.8);
  });

  it('leaves the report as made for an English reader', () => {
    expect(localizedSynthesis(report, 'en')).toBe(report);
  });
});

describe('criterionLabels', () => {
  it('names all fifteen criteria in each language', () => {
    expect(Object.keys(criterionLabels('zh-CN'))).toHaveLength(15);
    expect(criterionLabels('zh-CN')['ip_strength']).toBe('知识产权强度');
    expect(criterionLabels('en')['ip_strength']).toBe('Strength of intellectual property');
  });
});
