import type {
  DecisionOutcome,
  ProjectSource,
  ProjectStage,
  ProjectStatus,
  Recommendation,
  Role,
  Sector,
  Severity,
  TaskStatus,
  Track,
  UserLocale,
} from './types';

/**
 * The one table of the process's words in both languages (CONSOLE.md "Words"): the console's pages,
 * the e-mails and in-app notifications all read them from here, so a status is called the same
 * everywhere. Type-only imports: the console bundles this file as is.
 */
export interface Words {
  status: Record<ProjectStatus, string>;
  track: Record<Track, string>;
  recommendation: Record<Recommendation, string>;
  decision: Record<DecisionOutcome, string>;
  sector: Record<Sector, string>;
  severity: Record<Severity, string>;
  stage: Record<ProjectStage, string>;
  source: Record<ProjectSource, string>;
  role: Record<Role, string>;
  taskStatus: Record<TaskStatus, string>;
}

export const WORDS: Record<UserLocale, Words> = {
  'zh-CN': {
    status: {
      screening: '形式审查',
      in_review: '评审中',
      synthesis: '综合评估',
      awaiting_decision: '待决策',
      information_requested: '待补充材料',
      awaiting_second_approval: '待二次审批',
      approved: '已批准',
      signed: '已签约',
      rejected: '已否决',
      withdrawn: '已撤回',
      lapsed: '已失效',
    },
    track: { expert: '产业专家', vc: '风险投资机构', academic: '高校学者' },
    recommendation: { go: '建议签约', conditional: '有条件签约', no_go: '不建议签约' },
    decision: { go: '同意签约', no_go: '不予签约', request_info: '补充材料' },
    sector: {
      high_end_equipment: '高端装备核心零部件',
      digital_economy: '数字经济"硬科技"',
      new_energy_materials: '新能源新材料',
      medical_devices: '高端医疗器械',
      integrated_circuits: '集成电路',
      artificial_intelligence: '人工智能',
      robotics: '机器人',
      connected_vehicles: '智能网联汽车',
      other: '其他',
    },
    severity: { low: '低', medium: '中', high: '高' },
    stage: { nursery: '苗圃', incubator: '孵化器', accelerator: '加速器', industrial_community: '产业社区' },
    source: { direct: '直接对接', capital_referral: '资本推荐', industry_chain: '产业链招商', incubator: '孵化器推荐' },
    role: { officer: '招商专员', reviewer: '评审专家', manager: '管理层', admin: '系统管理员' },
    taskStatus: { open: '待评审', submitted: '已提交', declined: '已回避', expired: '已逾期', cancelled: '已取消' },
  },
  en: {
    status: {
      screening: 'screening',
      in_review: 'in review',
      synthesis: 'synthesis',
      awaiting_decision: 'awaiting decision',
      information_requested: 'information requested',
      awaiting_second_approval: 'awaiting second approval',
      approved: 'approved',
      signed: 'signed',
      rejected: 'rejected',
      withdrawn: 'withdrawn',
      lapsed: 'lapsed',
    },
    track: { expert: 'industry experts', vc: 'venture capital', academic: 'academic' },
    recommendation: { go: 'go', conditional: 'conditional', no_go: 'no-go' },
    decision: { go: 'go', no_go: 'no-go', request_info: 'request information' },
    sector: {
      high_end_equipment: 'high-end equipment core parts',
      digital_economy: 'digital-economy hard tech',
      new_energy_materials: 'new energy and new materials',
      medical_devices: 'high-end medical devices',
      integrated_circuits: 'integrated circuits',
      artificial_intelligence: 'artificial intelligence',
      robotics: 'robotics',
      connected_vehicles: 'connected vehicles',
      other: 'other',
    },
    severity: { low: 'low', medium: 'medium', high: 'high' },
    stage: { nursery: 'nursery', incubator: 'incubator', accelerator: 'accelerator', industrial_community: 'industrial community' },
    source: { direct: 'direct contact', capital_referral: 'capital referral', industry_chain: 'industry-chain promotion', incubator: 'incubator referral' },
    role: { officer: 'investment officer', reviewer: 'reviewer', manager: 'manager', admin: 'administrator' },
    taskStatus: { open: 'open', submitted: 'submitted', declined: 'declined', expired: 'expired', cancelled: 'cancelled' },
  },
};

/**
 * The values of one kind of word in the table's order (the process's order for statuses, the park's
 * sector groups first): what the console's lists, filters and charts iterate over.
 */
export function wordKeys<K extends keyof Words>(kind: K): Array<keyof Words[K] & string> {
  return Object.keys(WORDS.en[kind]) as Array<keyof Words[K] & string>;
}
