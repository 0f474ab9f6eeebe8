import { PROJECT_STATUSES, RECOMMENDATIONS, TRACKS } from './types';
import type { ProjectStatus, Recommendation, Track, UserLocale } from './types';
import { WORDS } from './words';

/**
 * Notification texts in the reader's language. The workflow writes an English subject into the
 * outbox for logs and webhooks; people read what is rendered here from the kind and the payload, so
 * a zh-CN reader never gets English. Words follow the console's table (CONSOLE.md "Words").
 */

export interface NotificationText {
  subject: string;
  body: string;
}

/** What the renderer reads: the notification's kind and payload, and its project's company. */
export interface NotificationFacts {
  kind: string;
  payload: Record<string, unknown>;
  company: string | null;
}

/** One message per distinct thing a notification can say (a kind may say several). */
export const NOTIFICATION_MESSAGES = [
  'assignment',
  'reminder',
  'escalation.lapsed',
  'escalation.overdue_review',
  'escalation.decision_overdue',
  'escalation.step_failed',
  'escalation.other',
  'quorum_failure',
  'decision.needed',
  'decision.second_approval',
  'decision.answered',
  'decision.outcome',
  'decision.other',
  'information_request',
  'decision_reminder',
  'other',
] as const;
export type NotificationMessage = (typeof NOTIFICATION_MESSAGES)[number];

interface Facts {
  company: string;
  track: Track | null;
  due: string | null;
  status: ProjectStatus | null;
  recommendation: Recommendation | null;
  step: string;
  submitted: number | null;
  required: number | null;
  questions: number;
}

type Catalog = Record<NotificationMessage, (f: Facts) => NotificationText>;

const TRACK_WORDS: Record<UserLocale, Record<Track, string>> = { 'zh-CN': WORDS['zh-CN'].track, en: WORDS.en.track };
const STATUS_WORDS: Record<UserLocale, Record<ProjectStatus, string>> = { 'zh-CN': WORDS['zh-CN'].status, en: WORDS.en.status };
const RECOMMENDATION_WORDS: Record<UserLocale, Record<Recommendation, string>> = { 'zh-CN': WORDS['zh-CN'].recommendation, en: WORDS.en.recommendation };

const zhTrack = (f: Facts) => (f.track ? `${TRACK_WORDS['zh-CN'][f.track]}` : '');
const enTrack = (f: Facts) => (f.track ? `${TRACK_WORDS.en[f.track]} ` : '');
const zhDue = (f: Facts) => (f.due ? `，截止日期 ${f.due}` : '');
const enDue = (f: Facts) => (f.due ? `, due ${f.due}` : '');

export const NOTIFICATION_CATALOGS: Record<UserLocale, Catalog> = {
  'zh-CN': {
    assignment: (f) => ({ subject: `新的评审任务：${f.company}`, body: `您有一项新的${zhTrack(f)}评审任务：${f.company}${zhDue(f)}。` }),
    reminder: (f) => ({ subject: `评审任务即将到期：${f.company}`, body: `您对 ${f.company} 的${zhTrack(f)}评审任务尚未提交${zhDue(f)}。` }),
    'escalation.lapsed': (f) => ({ subject: `批准已失效：${f.company}`, body: `${f.company} 未在签约期限内签约，批准已失效。` }),
    'escalation.overdue_review': (f) => ({ subject: `评审任务逾期：${f.company}`, body: `${f.company} 的${zhTrack(f)}评审任务已逾期，正在指派替补评审专家。` }),
    'escalation.decision_overdue': (f) => ({ subject: `决策逾期：${f.company}`, body: `${f.company} 的决策已超过期限，请尽快处理。` }),
    'escalation.step_failed': (f) => ({ subject: `流程步骤失败：${f.company}`, body: `${f.company} 的步骤 ${f.step} 执行失败，请查看项目时间线。` }),
    'escalation.other': (f) => ({ subject: `需要关注：${f.company}`, body: `${f.company} 需要您关注，请查看项目时间线。` }),
    quorum_failure: (f) => ({
      subject: `评审人数不足：${f.company}`,
      body: `${f.company} 的${zhTrack(f)}评审无法达到法定人数${f.required !== null ? `（${f.submitted ?? 0} / ${f.required} 份评审）` : ''}：已无可指派的评审专家。`,
    }),
    'decision.needed': (f) => ({
      subject: `待决策：${f.company}`,
      body: `${f.company} 的第三方综合评估报告已完成${f.recommendation ? `（${RECOMMENDATION_WORDS['zh-CN'][f.recommendation]}）` : ''}，请作出决策。`,
    }),
    'decision.second_approval': (f) => ({ subject: `待二次审批：${f.company}`, body: `${f.company} 需要双人审批中的第二位审批人。` }),
    'decision.answered': (f) => ({ subject: `招商专员已补充材料：${f.company}`, body: `${f.company} 的招商专员已回复您的问题，请继续决策。` }),
    'decision.outcome': (f) => ({
      subject: `${f.company}：${f.status ? STATUS_WORDS['zh-CN'][f.status] : '已决策'}`,
      body: `${f.company} 的决策结果：${f.status ? STATUS_WORDS['zh-CN'][f.status] : '已决策'}。`,
    }),
    'decision.other': (f) => ({ subject: `决策动态：${f.company}`, body: `${f.company} 的决策有新动态，请查看项目。` }),
    information_request: (f) => ({ subject: `待补充材料：${f.company}`, body: `管理层就 ${f.company} 提出了 ${f.questions} 个问题，请补充材料并回复。` }),
    decision_reminder: (f) => ({ subject: `决策提醒：${f.company}`, body: `${f.company} 的决策即将到期，请尽快处理。` }),
    other: (f) => ({ subject: `通知：${f.company}`, body: `${f.company} 有新的动态。` }),
  },
  en: {
    assignment: (f) => ({ subject: `New review task: ${f.company}`, body: `You have a new ${enTrack(f)}review task for ${f.company}${enDue(f)}.` }),
    reminder: (f) => ({ subject: `Review task due soon: ${f.company}`, body: `Your ${enTrack(f)}review of ${f.company} is not submitted yet${enDue(f)}.` }),
    'escalation.lapsed': (f) => ({ subject: `Approval lapsed: ${f.company}`, body: `${f.company} was not signed before the signing deadline; its approval has lapsed.` }),
    'escalation.overdue_review': (f) => ({ subject: `Overdue review: ${f.company}`, body: `A ${enTrack(f)}review of ${f.company} is overdue; a replacement reviewer is being assigned.` }),
    'escalation.decision_overdue': (f) => ({ subject: `Decision overdue: ${f.company}`, body: `The decision on ${f.company} is past its deadline.` }),
    'escalation.step_failed': (f) => ({ subject: `A step failed: ${f.company}`, body: `Step ${f.step} failed for ${f.company}; see the project's timeline.` }),
    'escalation.other': (f) => ({ subject: `Needs attention: ${f.company}`, body: `${f.company} needs your attention; see the project's timeline.` }),
    quorum_failure: (f) => ({
      subject: `Quorum cannot be reached: ${f.company}`,
      body: `The ${enTrack(f)}track of ${f.company} cannot reach its quorum${f.required !== null ? ` (${f.submitted ?? 0} of ${f.required} reviews)` : ''}: no eligible reviewer is left.`,
    }),
    'decision.needed': (f) => ({
      subject: `Decision needed: ${f.company}`,
      body: `The synthesis report on ${f.company} is ready${f.recommendation ? ` (recommendation: ${RECOMMENDATION_WORDS.en[f.recommendation]})` : ''}; please decide.`,
    }),
    'decision.second_approval': (f) => ({ subject: `Second approval needed: ${f.company}`, body: `${f.company} needs a second approver (dual approval).` }),
    'decision.answered': (f) => ({ subject: `The officer answered: ${f.company}`, body: `The investment officer of ${f.company} answered your questions; the decision can go on.` }),
    'decision.outcome': (f) => ({
      subject: `${f.company}: ${f.status ? STATUS_WORDS.en[f.status] : 'decided'}`,
      body: `The decision on ${f.company}: ${f.status ? STATUS_WORDS.en[f.status] : 'decided'}.`,
    }),
    'decision.other': (f) => ({ subject: `Decision update: ${f.company}`, body: `There is news on the decision about ${f.company}.` }),
    information_request: (f) => ({ subject: `Information requested: ${f.company}`, body: `The managers asked ${f.questions} question(s) about ${f.company}; please answer them.` }),
    decision_reminder: (f) => ({ subject: `Decision reminder: ${f.company}`, body: `The decision on ${f.company} is due soon.` }),
    other: (f) => ({ subject: `Notification: ${f.company}`, body: `There is news on ${f.company}.` }),
  },
};

const has = (payload: Record<string, unknown>, key: string) => payload[key] !== undefined && payload[key] !== null;

/** Which message a notification says, from its kind and what its payload carries. */
export function notificationMessage(kind: string, payload: Record<string, unknown>): NotificationMessage {
  switch (kind) {
    case 'assignment':
    case 'reminder':
    case 'quorum_failure':
    case 'information_request':
    case 'decision_reminder':
      return kind;
    case 'escalation':
      if (has(payload, 'step')) return 'escalation.step_failed';
      if (has(payload, 'taskId')) return 'escalation.overdue_review';
      if (has(payload, 'status')) return 'escalation.decision_overdue';
      if (Object.keys(payload).every((k) => k === 'projectId')) return 'escalation.lapsed';
      return 'escalation.other';
    case 'decision':
      if (has(payload, 'recommendation')) return 'decision.needed';
      if (has(payload, 'firstApprover')) return 'decision.second_approval';
      if (has(payload, 'round')) return 'decision.answered';
      if (has(payload, 'outcome') || has(payload, 'status')) return 'decision.outcome';
      return 'decision.other';
    default:
      return 'other';
  }
}

const oneOfOrNull = <T extends string>(values: readonly T[], value: unknown): T | null => (values.includes(value as T) ? (value as T) : null);
const intOrNull = (value: unknown): number | null => (typeof value === 'number' && Number.isInteger(value) ? value : null);
/** A date as the console shows it: `2026-12-02`. */
const day = (value: unknown): string | null => (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : null);

function factsOf(n: NotificationFacts, locale: UserLocale): Facts {
  const p = n.payload;
  return {
    company: n.company ?? (locale === 'en' ? 'a project' : '项目'),
    track: oneOfOrNull(TRACKS, p['track']),
    due: day(p['dueAt']),
    status: oneOfOrNull(PROJECT_STATUSES, p['status']),
    recommendation: oneOfOrNull(RECOMMENDATIONS, p['recommendation']),
    step: typeof p['step'] === 'string' ? p['step'] : '',
    submitted: intOrNull(p['submitted']),
    required: intOrNull(p['required']),
    questions: Array.isArray(p['questions']) ? p['questions'].length : 0,
  };
}

/** The subject and body of a notification for a reader of `locale` (zh-CN unless `en`). */
export function renderNotification(n: NotificationFacts, locale: UserLocale | string | null | undefined): NotificationText {
  const lang: UserLocale = locale === 'en' ? 'en' : 'zh-CN';
  return NOTIFICATION_CATALOGS[lang][notificationMessage(n.kind, n.payload)](factsOf(n, lang));
}

/** Where in the console a notification leads: its task, else its project, else the home page. */
export function notificationPath(payload: Record<string, unknown>, projectId: string | null): string {
  const taskId = payload['taskId'];
  if (typeof taskId === 'string' && /^[0-9a-f-]{36}$/i.test(taskId)) return `tasks/${taskId}`;
  const project = projectId ?? payload['projectId'];
  if (typeof project === 'string' && /^[0-9a-f-]{36}$/i.test(project)) return `projects/${project}`;
  return '';
}
