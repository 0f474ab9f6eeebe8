import { USER_LOCALES } from './types';
import { NOTIFICATION_CATALOGS, NOTIFICATION_MESSAGES, notificationMessage, notificationPath, renderNotification } from './notification-text';

const TASK = '3f1c6a52-8a0e-4d1b-9f43-1b2c3d4e5f60';
const PROJECT = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const CJK = /[\u4e00-\u9fff]/;

/** A payload the workflow writes for each message (see workflows/src/due-diligence.workflow.ts). */
const SAMPLES: Record<(typeof NOTIFICATION_MESSAGES)[number], { kind: string; payload: Record<string, unknown> }> = {
  assignment: { kind: 'assignment', payload: { taskId: TASK, projectId: PROJECT, track: 'vc', dueAt: '2026-12-09T10:00:00.000Z' } },
  reminder: { kind: 'reminder', payload: { taskId: TASK, dueAt: '2026-12-09T10:00:00.000Z' } },
  'escalation.lapsed': { kind: 'escalation', payload: { projectId: PROJECT } },
  'escalation.overdue_review': { kind: 'escalation', payload: { projectId: PROJECT, taskId: TASK, reviewerId: TASK, dueAt: '2026-12-09' } },
  'escalation.decision_overdue': { kind: 'escalation', payload: { projectId: PROJECT, status: 'awaiting_decision' } },
  'escalation.step_failed': { kind: 'escalation', payload: { projectId: PROJECT, step: 'assignReviewers', reason: 'x', failureType: 'x', awaitsResume: true } },
  'escalation.other': { kind: 'escalation', payload: { projectId: PROJECT, something: 1 } },
  quorum_failure: { kind: 'quorum_failure', payload: { projectId: PROJECT, track: 'academic', submitted: 1, required: 2 } },
  'decision.needed': { kind: 'decision', payload: { projectId: PROJECT, recommendation: 'conditional' } },
  'decision.second_approval': { kind: 'decision', payload: { projectId: PROJECT, firstApprover: TASK } },
  'decision.answered': { kind: 'decision', payload: { projectId: PROJECT, round: 1 } },
  'decision.outcome': { kind: 'decision', payload: { projectId: PROJECT, outcome: 'go', status: 'approved' } },
  'decision.other': { kind: 'decision', payload: { projectId: PROJECT } },
  information_request: { kind: 'information_request', payload: { projectId: PROJECT, questions: ['a', 'b'] } },
  decision_reminder: { kind: 'decision_reminder', payload: { projectId: PROJECT } },
  other: { kind: 'something_new', payload: {} },
};

describe('notification texts', () => {
  it.each(USER_LOCALES)('the %s catalog has every message and nothing else', (locale) => {
    expect(Object.keys(NOTIFICATION_CATALOGS[locale]).sort()).toEqual([...NOTIFICATION_MESSAGES].sort());
  });

  describe.each(NOTIFICATION_MESSAGES.map((m) => [m]))('%s', (message) => {
    const sample = SAMPLES[message];

    it('is what its kind and payload say', () => {
      expect(notificationMessage(sample.kind, sample.payload)).toBe(message);
    });

    it('reads in Chinese for zh-CN and in English for en, naming the company', () => {
      const zh = renderNotification({ ...sample, company: 'Acme 精密' }, 'zh-CN');
      const en = renderNotification({ ...sample, company: 'Acme Precision' }, 'en');
      for (const text of [zh.subject, zh.body]) expect(text).toMatch(CJK);
      for (const text of [en.subject, en.body]) expect(text).not.toMatch(CJK);
      expect(zh.subject).toContain('Acme 精密');
      expect(en.subject).toContain('Acme Precision');
      expect(zh.body.length).toBeGreaterThan(zh.subject.length / 2);
      expect(en.body.length).toBeGreaterThan(en.subject.length / 2);
      expect(`${zh.subject}${zh.body}${en.subject}${en.body}`).not.toMatch(/undefined|null|NaN|\[object/);
    });
  });

  it('uses the console words for tracks, statuses and recommendations', () => {
    const assignment = { ...SAMPLES.assignment, company: 'X' };
    expect(renderNotification(assignment, 'zh-CN').body).toBe('您有一项新的风险投资机构评审任务：X，截止日期 2026-12-09。');
    expect(renderNotification(assignment, 'en').body).toBe('You have a new venture capital review task for X, due 2026-12-09.');
    expect(renderNotification({ ...SAMPLES['decision.outcome'], company: 'X' }, 'zh-CN').subject).toBe('X：已批准');
    expect(renderNotification({ ...SAMPLES['decision.needed'], company: 'X' }, 'zh-CN').body).toContain('有条件签约');
  });

  it('defaults to zh-CN for a missing or unknown locale', () => {
    const sample = { ...SAMPLES.assignment, company: 'X' };
    expect(renderNotification(sample, undefined)).toEqual(renderNotification(sample, 'zh-CN'));
    expect(renderNotification(sample, 'fr')).toEqual(renderNotification(sample, 'zh-CN'));
  });

  it('ignores payload values of the wrong shape rather than printing them', () => {
    const text = renderNotification({ kind: 'assignment', payload: { track: 'nope', dueAt: 42 }, company: null }, 'en');
    expect(text.body).toBe('You have a new review task for a project.');
  });

  it('links to the task, else the project', () => {
    expect(notificationPath({ taskId: TASK, projectId: PROJECT }, PROJECT)).toBe(`tasks/${TASK}`);
    expect(notificationPath({ projectId: PROJECT }, PROJECT)).toBe(`projects/${PROJECT}`);
    expect(notificationPath({ taskId: '../admin' }, null)).toBe('');
  });
});
