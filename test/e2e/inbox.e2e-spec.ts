import { randomUUID } from 'node:crypto';
import { InboxStore } from '@dueflow/persistence';
import { InboxDispatcher, LogMailer, SmtpMailer } from '@dueflow/worker';
import { ADMIN, MANAGER, MANAGER_2, OFFICER, REVIEWERS, projectBody } from '../support/factories';
import { Http, RunningDueflow, eventually, startDueflow } from '../support/harness';
import { loadStackInfo } from '../support/test-stack';

/**
 * Notifications reach people: the outbox fans out to a per-person inbox (GET /notifications, in the
 * reader's language), and each inbox row is e-mailed once through real SMTP (Mailpit, built by the
 * test stack) with a link into the console. The suite drives the worker's inbox dispatcher itself,
 * as the worker's poll loop would.
 */

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
const CONSOLE_URL = 'http://console.test/app/';
const FROM = 'dueflow <no-reply@park.test>';

interface MailSummary {
  ID: string;
  MessageID: string;
  Subject: string;
  To: { Name: string; Address: string }[];
}

describe('in-app inbox and e-mail', () => {
  const info = loadStackInfo();
  let stack: RunningDueflow;
  let http: Http;
  let store: InboxStore;
  const dispatchers: InboxDispatcher[] = [];
  /** A dispatcher as a (re)started worker has one: over SMTP to Mailpit when the stack has it. */
  const dispatcher = () => {
    const mailer = info.smtpUrl ? new SmtpMailer(info.smtpUrl, FROM) : new LogMailer(quiet);
    const d = new InboxDispatcher({ store, mailer, logger: quiet, consoleUrl: CONSOLE_URL, from: FROM, batchSize: 200 });
    dispatchers.push(d);
    return d;
  };
  const drain = async (d: InboxDispatcher) => {
    const total = { fannedOut: 0, rows: 0, mailed: 0, failed: 0 };
    for (;;) {
      const r = await d.drainOnce();
      for (const k of Object.keys(total) as (keyof typeof total)[]) total[k] += r[k];
      if (r.fannedOut === 0 && r.mailed + r.failed === 0) return total;
    }
  };
  const mailsTo = async (address: string): Promise<MailSummary[]> => {
    const res = await fetch(`${info.mailpitUrl}/api/v1/messages?limit=1000`);
    const body = (await res.json()) as { messages: MailSummary[] };
    return body.messages.filter((m) => m.To.some((t) => t.Address === address));
  };

  let company = '';
  let projectId = '';
  /** Reviewers holding a task of the project, with their task; the first reads English. */
  let assigned: { email: string; taskId: string }[] = [];
  let english = '';

  beforeAll(async () => {
    stack = await startDueflow();
    http = new Http(stack.baseUrl);
    store = new InboxStore(stack.dataSource);
    const body = projectBody();
    company = body.company;
    const submitted = await http.as(OFFICER, 'POST', '/projects', { body });
    expect(submitted.status).toBe(201);
    projectId = submitted.body.id;
    assigned = await eventually('four reviewers assigned', async () => {
      const found: { email: string; taskId: string }[] = [];
      for (const email of REVIEWERS) {
        const res = await http.as(email, 'GET', `/tasks?projectId=${projectId}`);
        if (res.body.items.length) found.push({ email, taskId: res.body.items[0].id });
      }
      return found.length === 4 ? found : undefined;
    });
    english = assigned[0]!.email;
    const patched = await http.as(english, 'PATCH', '/me', { body: { locale: 'en' } });
    expect(patched.status).toBe(200);
  }, 60_000);

  afterAll(async () => {
    if (english) await http.as(english, 'PATCH', '/me', { body: { locale: 'zh-CN' } });
    for (const d of dispatchers) await d.stop();
    await stack?.stop();
  });

  it('gives each assigned reviewer their assignment in their language, theirs alone to read', async () => {
    const first = await drain(dispatcher());
    expect(first.rows).toBeGreaterThanOrEqual(4);
    expect(first.failed).toBe(0);
    for (const { email, taskId } of assigned) {
      const res = await http.as(email, 'GET', '/notifications?unread=true&limit=100');
      expect(res.status).toBe(200);
      const mine = res.body.items.filter((n: { taskId?: string }) => n.taskId === taskId);
      expect(mine).toHaveLength(1);
      const item = mine[0];
      expect(item).toMatchObject({ kind: 'assignment', projectId, taskId, readAt: null });
      if (email === english) {
        expect(item.subject).toBe(`New review task: ${company}`);
        expect(item.body).toMatch(/^You have a new .+ review task for /);
      } else {
        expect(item.subject).toBe(`新的评审任务：${company}`);
        expect(item.body).toMatch(/^您有一项新的/);
      }
    }

    const [owner, other] = assigned as [{ email: string; taskId: string }, { email: string; taskId: string }];
    const item = (await http.as(owner.email, 'GET', '/notifications?limit=100')).body.items.find((n: { taskId?: string }) => n.taskId === owner.taskId);
    // Someone else's entry is not found: neither readable in their list nor markable.
    const othersList = await http.as(other.email, 'GET', '/notifications?limit=100');
    expect(othersList.body.items.map((n: { id: string }) => n.id)).not.toContain(item.id);
    expect((await http.as(other.email, 'POST', `/notifications/${item.id}/read`)).status).toBe(404);
    expect((await http.as(MANAGER, 'POST', `/notifications/${item.id}/read`)).status).toBe(404);
    expect((await http.as(owner.email, 'POST', `/notifications/${randomUUID()}/read`)).status).toBe(404);

    const read = await http.as(owner.email, 'POST', `/notifications/${item.id}/read`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: item.id, taskId: owner.taskId });
    expect(Date.parse(read.body.readAt)).not.toBeNaN();
    const again = await http.as(owner.email, 'POST', `/notifications/${item.id}/read`);
    expect(again.status).toBe(200);
    expect(again.body.readAt).toBe(read.body.readAt);
    const unread = await http.as(owner.email, 'GET', '/notifications?unread=true&limit=100');
    expect(unread.body.items.map((n: { id: string }) => n.id)).not.toContain(item.id);
    // The other reviewer's own entry is untouched.
    const otherUnread = await http.as(other.email, 'GET', '/notifications?unread=true&limit=100');
    expect(otherUnread.body.items.some((n: { taskId?: string }) => n.taskId === other.taskId)).toBe(true);
  });

  it('fans a role notification out to every active holder of the role, and nobody else', async () => {
    // A manager who has left: deactivated, so no longer one of the people a role message reaches.
    const left = await http.as(ADMIN, 'POST', '/users', { body: { email: `left-${randomUUID().slice(0, 8)}@dueflow.local`, name: 'Left Manager', password: 'inbox-password', roles: ['manager'] } });
    expect(left.status).toBe(201);
    expect((await http.as(ADMIN, 'POST', `/users/${left.body.id}/deactivate`, { body: { reason: 'left the park' } })).status).toBe(200);
    const key = `inbox-test:${randomUUID()}`;
    // What the workflow writes when a synthesis is ready (recipient role:manager).
    const [{ id }] = (await stack.dataSource.query(
      `INSERT INTO notifications (dedupe_key, project_id, kind, recipient, subject, payload) VALUES ($1, $2, 'decision', 'role:manager', 'Decision needed', $3) RETURNING id`,
      [key, projectId, JSON.stringify({ projectId, recommendation: 'conditional' })],
    )) as { id: string }[];
    await drain(dispatcher());
    const holders = (await stack.dataSource.query(`SELECT id FROM users WHERE 'manager' = ANY (roles) AND deactivated_at IS NULL ORDER BY id`)) as { id: string }[];
    expect(holders.length).toBeGreaterThanOrEqual(2);
    const reached = (await store.rowsOf(id)).map((r) => r.userId);
    expect(reached).toEqual(holders.map((h) => h.id));
    expect(reached).not.toContain(left.body.id);
    for (const manager of [MANAGER, MANAGER_2]) {
      const res = await http.as(manager, 'GET', '/notifications?limit=100');
      const item = res.body.items.find((n: { kind: string; projectId?: string }) => n.kind === 'decision' && n.projectId === projectId);
      expect(item).toMatchObject({ subject: `待决策：${company}`, readAt: null });
      expect(item.body).toContain('有条件签约');
      expect(item.taskId).toBeUndefined();
    }
    const officer = await http.as(OFFICER, 'GET', '/notifications?limit=100');
    expect(officer.body.items.some((n: { kind: string; projectId?: string }) => n.kind === 'decision' && n.projectId === projectId)).toBe(false);
  });

  it('pages by cursor and refuses a bad query naming each field', async () => {
    const email = assigned[1]!.email;
    const all = (await http.as(email, 'GET', '/notifications?limit=100')).body.items;
    const page1 = await http.as(email, 'GET', '/notifications?limit=1');
    expect(page1.body.items).toHaveLength(1);
    if (all.length > 1) {
      expect(page1.body.nextCursor).toEqual(expect.any(String));
      const page2 = await http.as(email, 'GET', `/notifications?limit=1&cursor=${page1.body.nextCursor}`);
      expect(page2.body.items[0].id).toBe(all[1].id);
    }
    const bad = await http.as(email, 'GET', '/notifications?unread=yes&limit=0&cursor=nope&x=1');
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['limit', 'unread', 'x']);
    const badCursor = await http.as(email, 'GET', '/notifications?cursor=nope');
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.details).toEqual([{ field: 'cursor', problem: 'is not a cursor this API issued' }]);
  });

  const withMailpit = info.mailpitUrl ? describe : describe.skip;
  if (!info.mailpitUrl) process.stderr.write('[inbox suite] Mailpit could not be built here: the e-mail checks are skipped\n');

  withMailpit('e-mail through Mailpit', () => {
    it('mails each assigned reviewer once, in their language, with a link to their task', async () => {
      for (const { email, taskId } of assigned) {
        const mails = (await mailsTo(email)).filter((m) => m.Subject.includes(company));
        expect(mails).toHaveLength(1);
        const mail = mails[0]!;
        const [row] = (await stack.dataSource.query(
          `SELECT i.id, i.mail_sent_at FROM notification_inbox i JOIN notifications n ON n.id = i.notification_id JOIN users u ON u.id = i.user_id WHERE u.email = $1 AND n.payload->>'taskId' = $2`,
          [email, taskId],
        )) as { id: string; mail_sent_at: Date | null }[];
        expect(row?.mail_sent_at).toBeInstanceOf(Date);
        expect(mail.MessageID).toBe(`inbox-${row!.id}@park.test`);
        const full = (await (await fetch(`${info.mailpitUrl}/api/v1/message/${mail.ID}`)).json()) as { Text: string; Subject: string; From: { Address: string } };
        expect(full.From.Address).toBe('no-reply@park.test');
        expect(full.Text).toContain(`${CONSOLE_URL}tasks/${taskId}`);
        if (email === english) {
          expect(full.Subject).toBe(`New review task: ${company}`);
          expect(full.Text).toContain('Open it in the console');
        } else {
          expect(full.Subject).toBe(`新的评审任务：${company}`);
          expect(full.Text).toContain('在控制台中查看');
        }
      }
      // The managers' role notification went to each of them, linking the project.
      for (const manager of [MANAGER, MANAGER_2]) {
        const mails = (await mailsTo(manager)).filter((m) => m.Subject === `待决策：${company}`);
        expect(mails).toHaveLength(1);
        const full = (await (await fetch(`${info.mailpitUrl}/api/v1/message/${mails[0]!.ID}`)).json()) as { Text: string };
        expect(full.Text).toContain(`${CONSOLE_URL}projects/${projectId}`);
      }
    });

    it('a restarted worker adds no inbox row and sends no mail again; a send whose record was lost repeats with the same Message-ID', async () => {
      const count = async () => Number(((await stack.dataSource.query(`SELECT count(*)::int AS n FROM notification_inbox`)) as { n: number }[])[0]!.n);
      const rowsBefore = await count();
      const mailsBefore = await Promise.all(assigned.map(async (a) => (await mailsTo(a.email)).length));

      // A new dispatcher, and the fan-out repeated over the very same notifications.
      await stack.dataSource.query(`UPDATE notifications SET fanned_out_at = NULL WHERE project_id = $1`, [projectId]);
      const again = await drain(dispatcher());
      expect(again.fannedOut).toBeGreaterThanOrEqual(4);
      expect(again).toMatchObject({ rows: 0, mailed: 0, failed: 0 });
      expect(await count()).toBe(rowsBefore);
      expect(await Promise.all(assigned.map(async (a) => (await mailsTo(a.email)).length))).toEqual(mailsBefore);

      // The worker died after the SMTP server accepted a mail and before it was recorded: the lease
      // runs out and the mail goes again, recognisable by its Message-ID.
      const { email, taskId } = assigned[0]!;
      const [row] = (await stack.dataSource.query(
        `UPDATE notification_inbox i SET mail_sent_at = NULL, mail_next_attempt_at = now() - interval '1 second'
           FROM notifications n, users u
          WHERE n.id = i.notification_id AND u.id = i.user_id AND u.email = $1 AND n.payload->>'taskId' = $2
          RETURNING i.id`,
        [email, taskId],
      )) as [{ id: string }[], number];
      expect(row).toHaveLength(1);
      const retry = await drain(dispatcher());
      expect(retry).toMatchObject({ rows: 0, mailed: 1, failed: 0 });
      const mails = (await mailsTo(email)).filter((m) => m.Subject.includes(company));
      expect(mails).toHaveLength(2);
      expect(new Set(mails.map((m) => m.MessageID))).toEqual(new Set([`inbox-${row[0]!.id}@park.test`]));
    });
  });
});
