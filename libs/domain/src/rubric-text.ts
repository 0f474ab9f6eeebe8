import { rubricFor } from './rubric';
import type { RubricCriterion } from './rubric';
import type { Track, UserLocale } from './types';

/** A criterion as a reviewer reads it: what it asks, and what each score means, in their language. */
export interface LocalizedCriterion extends RubricCriterion {
  description: string;
  levels: Array<{ score: number; meaning: string }>;
}

export interface LocalizedRubric {
  track: Track;
  version: number;
  criteria: LocalizedCriterion[];
}

type CriterionText = { label: string; description: string };

/** Label and question of every criterion of rubric version 1, keyed by criterion key. */
const CRITERIA: Record<UserLocale, Record<string, CriterionText>> = {
  'zh-CN': {
    technology: { label: '技术成熟度与差异化', description: '核心技术是否成熟、可量产，与同类企业相比有无明显的技术壁垒。' },
    market: { label: '市场规模与需求', description: '目标市场的规模、增速和客户需求是否真实、可验证。' },
    industry_chain_fit: { label: '与园区产业链的契合度', description: '能否补链、强链，与园区已有企业形成上下游配套。' },
    team: { label: '管理与工程团队', description: '核心团队的行业经验、工程能力和稳定性。' },
    feasibility: { label: '投资计划可行性', description: '投资规模、资金来源、建设进度和用地需求是否匹配、可落实。' },
    business_model: { label: '商业模式', description: '收入来源、毛利水平和客户获取方式是否清晰、可持续。' },
    financials: { label: '财务状况与预测', description: '历史财务数据的质量，以及收入和利润预测是否审慎。' },
    valuation: { label: '估值', description: '估值与可比公司和发展阶段相比是否合理。' },
    exit: { label: '退出前景', description: '上市、并购等退出路径是否现实，时间是否可预期。' },
    capital_endorsement: { label: '资本市场认可度', description: '已有投资机构的质量，以及跟投和后续融资的意愿。' },
    novelty: { label: '科学创新性', description: '技术路线在学术上是否新颖，是否处于领域前沿。' },
    ip_strength: { label: '知识产权强度', description: '专利的数量、质量、权属清晰度和保护范围。' },
    research_team: { label: '研发团队', description: '研发带头人的学术水平和团队的持续研发能力。' },
    technology_readiness: { label: '技术就绪度', description: '从实验室到产业化所处的技术就绪等级，以及距量产的差距。' },
    talent: { label: '人才储备与产学研合作', description: '与高校、科研院所的合作深度和人才引进培养机制。' },
  },
  en: {
    technology: { label: 'Technology maturity and differentiation', description: 'Is the core technology mature and ready for volume production, and does it set the company apart from its peers?' },
    market: { label: 'Market size and demand', description: 'Are the size and growth of the target market and the customers\' demand real and verifiable?' },
    industry_chain_fit: { label: "Fit with the park's industry chain", description: "Does the company fill or strengthen a link of the park's chains, supplying or buying from companies already here?" },
    team: { label: 'Management and engineering team', description: 'Industry experience, engineering capability and stability of the core team.' },
    feasibility: { label: 'Feasibility of the investment plan', description: 'Do the amount, its funding, the construction schedule and the land needs fit together and hold up?' },
    business_model: { label: 'Business model', description: 'Are the sources of revenue, the margins and the way customers are won clear and sustainable?' },
    financials: { label: 'Financial health and projections', description: 'Quality of the historical accounts, and whether revenue and profit projections are prudent.' },
    valuation: { label: 'Valuation', description: 'Is the valuation reasonable against comparable companies and the company\'s stage?' },
    exit: { label: 'Exit prospects', description: 'Is an exit (listing, acquisition) realistic, and on a foreseeable timetable?' },
    capital_endorsement: { label: 'Endorsement by capital markets', description: 'Quality of the investors already in, and willingness to co-invest and fund later rounds.' },
    novelty: { label: 'Scientific novelty', description: 'Is the technical approach new in the literature, at the front of its field?' },
    ip_strength: { label: 'Strength of intellectual property', description: 'Number, quality, clear ownership and breadth of the patents.' },
    research_team: { label: 'Research team', description: 'Standing of the research leaders and the team\'s capacity to keep developing.' },
    technology_readiness: { label: 'Technology readiness level', description: 'Where the technology stands between the laboratory and industry (TRL), and how far it is from volume production.' },
    talent: { label: 'Talent pipeline and academic ties', description: 'Depth of the ties with universities and institutes, and how talent is recruited and trained.' },
  },
};

/** What each score means, the same scale for every criterion. */
const LEVELS: Record<UserLocale, string[]> = {
  'zh-CN': ['重大缺陷，难以弥补', '明显不足，需重大改进', '基本满足要求', '良好，优于同类企业', '优秀，行业领先'],
  en: ['Serious flaws that are hard to remedy', 'Clear weaknesses needing major work', 'Meets the requirements', 'Good, better than its peers', 'Excellent, leading its industry'],
};

/** A track's rubric in the reader's language; a criterion without a text keeps its code label. */
export function localizedRubric(track: Track, locale: UserLocale): LocalizedRubric {
  const rubric = rubricFor(track);
  const texts = CRITERIA[locale] ?? CRITERIA['zh-CN'];
  const levels = LEVELS[locale] ?? LEVELS['zh-CN'];
  return {
    track: rubric.track,
    version: rubric.version,
    criteria: rubric.criteria.map((c) => ({
      key: c.key,
      label: texts[c.key]?.label ?? c.label,
      weight: c.weight,
      description: texts[c.key]?.description ?? '',
      levels: levels.map((meaning, i) => ({ score: i + 1, meaning })),
    })),
  };
}
