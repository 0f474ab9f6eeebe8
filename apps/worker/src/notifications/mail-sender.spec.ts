import { NOTIFICATION_KINDS, type OutboundMail } from '@dueflow/persistence';
import { notificationMessage } from '@dueflow/domain';
import { composeMail, mailDomain } from './mail-sender';

const TASK = '3f1c6a52-8a0e-4d1b-9f43-1b2c3d4e5f60';
const PROJECT = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const INBOX = '0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9';

const row = (over: Partial<OutboundMail> = {}): OutboundMail => ({
  id: INBOX,
  notificationId: PROJECT,
  kind: 'assignment',
  payload: { taskId: TASK, projectId: PROJECT, track: 'expert', dueAt: '2026-12-09T00:00:00.000Z' },
  projectId: PROJECT,
  company: '星海精密',
  createdAt: new Date('2026-12-02T00:00:00Z'),
  readAt: null,
  email: 'r@example.com',
  name: 'Reviewer',
  locale: 'zh-CN',
  attempts: 1,
  ...over,
});

const settings = { consoleUrl: 'http://127.0.0.1:3000/app/', from: 'dueflow <no-reply@park.example>' };

describe('notification e-mails', () => {
  it('has a specific text for every kind the outbox holds (no kind falls through to the generic one)', () => {
    for (const kind of NOTIFICATION_KINDS) expect(notificationMessage(kind, { taskId: TASK, step: 's', recommendation: 'go' })).not.toBe('other');
  });

  it('is written in the recipient\'s language, to the recipient, with a link to the task', () => {
    const zh = composeMail(row(), settings);
    expect(zh.to).toEqual({ name: 'Reviewer', address: 'r@example.com' });
    expect(zh.subject).toBe('新的评审任务：星海精密');
    expect(zh.text).toContain(`http://127.0.0.1:3000/app/tasks/${TASK}`);
    expect(zh.text).toContain('在控制台中查看');
    const en = composeMail(row({ locale: 'en', company: 'Star Sea Precision' }), settings);
    expect(en.subject).toBe('New review task: Star Sea Precision');
    expect(en.text).toContain('Open it in the console');
  });

  it('links a notification without a task to its project, and tolerates a console URL without the slash', () => {
    const mail = composeMail(row({ kind: 'decision', payload: { projectId: PROJECT, recommendation: 'go' } }), { ...settings, consoleUrl: 'https://park.example/app' });
    expect(mail.link).toBe(`https://park.example/app/projects/${PROJECT}`);
  });

  it('has a Message-ID that is the same on every attempt for the row', () => {
    expect(composeMail(row(), settings).messageId).toBe(`<inbox-${INBOX}@park.example>`);
    expect(composeMail(row({ attempts: 3 }), settings).messageId).toBe(composeMail(row(), settings).messageId);
    expect(mailDomain('no-reply@x.org')).toBe('x.org');
    expect(mailDomain('nobody')).toBe('dueflow.local');
  });
});
