import type { OutboundMail } from '@dueflow/persistence';
import { InboxDispatcher, type InboxPort } from './inbox-dispatcher';
import type { Mailer, MailMessage } from './mail-sender';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
const NOW = new Date('2026-12-02T04:00:00Z');

const mail = (id: string): OutboundMail => ({
  id,
  notificationId: `n-${id}`,
  kind: 'assignment',
  payload: { taskId: '3f1c6a52-8a0e-4d1b-9f43-1b2c3d4e5f60' },
  projectId: null,
  company: 'X',
  createdAt: NOW,
  readAt: null,
  email: `${id}@example.com`,
  name: id,
  locale: 'en',
  attempts: 2,
});

function fakeStore(rows: OutboundMail[]) {
  const calls = { mailed: [] as string[], failed: [] as { id: string; error: string; retryAt: Date; attempt: number }[] };
  const store: InboxPort = {
    fanOut: async () => ({ notifications: 1, rows: 2 }),
    claimMail: async () => rows,
    markMailed: async (id) => {
      calls.mailed.push(id);
      return true;
    },
    markMailFailed: async (id, error, retryAt, attempt) => {
      calls.failed.push({ id, error, retryAt, attempt });
      return true;
    },
  };
  return { store, calls };
}

class ScriptedMailer implements Mailer {
  readonly transport = 'smtp' as const;
  readonly sent: MailMessage[] = [];
  constructor(private readonly refuse: Set<string>) {}
  async send(message: MailMessage): Promise<void> {
    if (this.refuse.has(message.inboxId)) throw new Error('550 mailbox unavailable');
    this.sent.push(message);
  }
  close(): void {}
}

describe('inbox dispatcher', () => {
  it('marks a mail sent only once the server accepted it, and reschedules a refused one for the claim holder', async () => {
    const { store, calls } = fakeStore([mail('a'), mail('b')]);
    const mailer = new ScriptedMailer(new Set(['b']));
    const d = new InboxDispatcher({ store, mailer, logger: quiet, consoleUrl: 'http://c/app/', from: 'x@park.test', clock: () => NOW, backoff: (n) => n * 1000 });
    expect(await d.drainOnce()).toEqual({ fannedOut: 1, rows: 2, mailed: 1, failed: 1 });
    expect(mailer.sent.map((m) => m.to.address)).toEqual(['a@example.com']);
    expect(mailer.sent[0]!.messageId).toBe('<inbox-a@park.test>');
    expect(calls.mailed).toEqual(['a']);
    expect(calls.failed).toEqual([{ id: 'b', error: '550 mailbox unavailable', retryAt: new Date(NOW.getTime() + 2000), attempt: 2 }]);
  });

  it('counts a mail the server accepted as sent even when recording it fails (it goes again, same Message-ID)', async () => {
    const { store } = fakeStore([mail('a')]);
    store.markMailed = async () => {
      throw new Error('connection lost');
    };
    const d = new InboxDispatcher({ store, mailer: new ScriptedMailer(new Set()), logger: quiet, consoleUrl: 'http://c/app/', from: 'x@park.test' });
    expect(await d.drainOnce()).toMatchObject({ mailed: 1, failed: 0 });
  });
});
