import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { PROJECT_CHANGED_CHANNEL, ProjectChangeListener } from '@dueflow/persistence';
import { MANAGER, OFFICER, REVIEWERS, projectBody, reviewBody } from '../support/factories';
import { Http, RunningDueflow, eventually, postReview, startDueflowWithClient } from '../support/harness';
import { loadStackInfo } from '../support/test-stack';

interface OpenTask {
  reviewer: string;
  id: string;
  track: 'expert' | 'vc' | 'academic';
}

describe('watching a project: ETag, If-None-Match and Prefer: wait', () => {
  let stack: RunningDueflow;
  let http: Http;
  let projectId: string;
  let tasks: OpenTask[];

  beforeAll(async () => {
    ({ stack, http } = await startDueflowWithClient());
    const res = await http.as(OFFICER, 'POST', '/projects', { body: projectBody() });
    expect(res.status).toBe(201);
    projectId = res.body.id;
    // Once every task is open the project waits for people: nothing changes it until a review.
    tasks = await eventually('the panel assigned', async () => {
      const found: OpenTask[] = [];
      for (const reviewer of REVIEWERS) {
        const page = await http.as(reviewer, 'GET', `/tasks?projectId=${projectId}&status=open`);
        for (const t of page.body.items) found.push({ reviewer, id: t.id, track: t.track });
      }
      return found.length === 4 ? found : undefined;
    });
    await eventually('the assignment recorded', async () => (await http.as(MANAGER, 'GET', `/projects/${projectId}`)).body.tracks.expert.tasks.length === 2);
  });
  afterAll(() => stack?.stop());

  const current = async (): Promise<string> => {
    const res = await http.as(MANAGER, 'GET', `/projects/${projectId}`);
    expect(res.status).toBe(200);
    return res.headers.get('etag')!;
  };

  it('tags each caller\'s view of the project: the same view, the same tag', async () => {
    const tag = await current();
    expect(tag).toMatch(/^W\/"[A-Za-z0-9_-]{27}"$/);
    expect(await current()).toBe(tag);
    const reviewer = tasks[0]!.reviewer;
    const theirs = await http.as(reviewer, 'GET', `/projects/${projectId}`);
    expect(theirs.status).toBe(200);
    // A reviewer sees only their own task: another view, another tag.
    expect(theirs.headers.get('etag')).not.toBe(tag);
  });

  it('answers 304 without a body while the tag is current, and 200 for a stale or foreign tag', async () => {
    const tag = await current();
    const same = await http.as(MANAGER, 'GET', `/projects/${projectId}`, { headers: { 'if-none-match': tag } });
    expect(same.status).toBe(304);
    expect(same.body).toBeUndefined();
    expect(same.headers.get('etag')).toBe(tag);
    expect(same.headers.get('preference-applied')).toBeNull();
    const strong = await http.as(MANAGER, 'GET', `/projects/${projectId}`, { headers: { 'if-none-match': `"x", ${tag.slice(2)}` } });
    expect(strong.status).toBe(304);
    const stale = await http.as(MANAGER, 'GET', `/projects/${projectId}`, { headers: { 'if-none-match': 'W/"1"' } });
    expect(stale.status).toBe(200);
    expect(stale.body.id).toBe(projectId);
    expect(stale.headers.get('etag')).toBe(tag);
  });

  it('holds a waiting request for as long as asked when nothing changes, then answers 304', async () => {
    const tag = await current();
    const started = Date.now();
    const res = await http.as(MANAGER, 'GET', `/projects/${projectId}`, { headers: { 'if-none-match': tag, prefer: 'respond-async, wait=1' } });
    expect(res.status).toBe(304);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(res.headers.get('preference-applied')).toBe('wait=1');
  });

  it('ignores a malformed wait preference: an ordinary conditional request', async () => {
    const tag = await current();
    const started = Date.now();
    const res = await http.as(MANAGER, 'GET', `/projects/${projectId}`, { headers: { 'if-none-match': tag, prefer: 'wait=soon' } });
    expect(res.status).toBe(304);
    expect(Date.now() - started).toBeLessThan(900);
    expect(res.headers.get('preference-applied')).toBeNull();
  });

  it('hides the project from a caller who may not see it, whatever tag they send', async () => {
    const tag = await current();
    const outsider = REVIEWERS.find((r) => !tasks.some((t) => t.reviewer === r))!;
    const res = await http.as(outsider, 'GET', `/projects/${projectId}`, { headers: { 'if-none-match': tag, prefer: 'wait=5' } });
    expect(res.status).toBe(404);
    const star = await http.as(outsider, 'GET', `/projects/${projectId}`, { headers: { 'if-none-match': '*' } });
    expect(star.status).toBe(404);
  });

  it('answers a waiting request as soon as the project takes its next step', async () => {
    const tag = await current();
    const reviewerTag = (await http.as(tasks.find((t) => t.track === 'vc')!.reviewer, 'GET', `/projects/${projectId}`)).headers.get('etag')!;
    const started = Date.now();
    const watching = http.as(MANAGER, 'GET', `/projects/${projectId}`, { headers: { 'if-none-match': tag, prefer: 'wait=30' } });
    await new Promise((r) => setTimeout(r, 300));
    const task = tasks.find((t) => t.track === 'vc')!;
    const review = await postReview(http, task.reviewer, task.id, reviewBody(task.track));
    expect(review.status).toBe(200);
    const res = await watching;
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(res.headers.get('etag')).not.toBe(tag);
    expect(res.body.tracks.vc.reviews).toHaveLength(1);
    expect(res.headers.get('vary')).toBe('Prefer');
    expect(res.headers.get('etag')).toBe(await current());
    // The reviewer's own view changed with their review: their old tag is stale too.
    const mine = await http.as(task.reviewer, 'GET', `/projects/${projectId}`, { headers: { 'if-none-match': reviewerTag } });
    expect(mine.status).toBe(200);
    expect(mine.body.tracks.vc.reviews).toHaveLength(1);
  });
});

describe('ProjectChangeListener against PostgreSQL', () => {
  let listener: ProjectChangeListener;
  let stack: RunningDueflow;

  beforeAll(async () => {
    ({ stack } = await startDueflowWithClient());
    listener = new ProjectChangeListener({ connectionString: loadStackInfo().databaseUrl, applicationName: 'dueflow-test-listen' });
  });
  afterAll(async () => {
    await listener?.close();
    await stack?.stop();
  });

  const anyProject = async (): Promise<string> => (await stack.dataSource.query(`SELECT id FROM projects ORDER BY created_at DESC LIMIT 1`))[0].id;
  /** What the trigger sends when a step of the project commits. */
  const announce = (id: string) => stack.dataSource.query(`SELECT pg_notify('${PROJECT_CHANGED_CHANNEL}', $1)`, [id]);
  /** Cuts the listener's connection from the server side. */
  const dropListenConnection = () => stack.dataSource.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'dueflow-test-listen'`);
  /** A cancelled task added to the project, as a retried assignment would add one; returns its id. */
  const addTask = async (db: Pick<EntityManager, 'query'>, id: string): Promise<string> =>
    (
      await db.query(
        `INSERT INTO review_tasks (project_id, track, slot, attempt, assignee_id, status, due_at)
         SELECT $1, 'expert', 98, 1, id, 'cancelled', now() FROM users WHERE email = 'expert2@dueflow.local' RETURNING id`,
        [id],
      )
    )[0].id;

  it('wakes the watchers of the project named, and only those; a change while nobody waits is kept', async () => {
    const id = await anyProject();
    const watch = await listener.watch(id);
    const other = await listener.watch(randomUUID());
    try {
      // An update that leaves the audit chain alone is not a step: the trigger stays quiet.
      await stack.dataSource.query(`UPDATE projects SET updated_at = updated_at WHERE id = $1`, [id]);
      expect(await watch.next(500)).toBe('timeout');
      const woken = watch.next(10_000);
      await announce(id);
      expect(await woken).toBe('changed');
      expect(await other.next(200)).toBe('timeout');
      await announce(id);
      await new Promise((r) => setTimeout(r, 200));
      expect(await watch.next(0)).toBe('changed');
    } finally {
      watch.stop();
      other.stop();
    }
    expect(listener.watching).toBe(0);
  });

  it('wakes every watcher when its connection is lost, and listens again on the next watch', async () => {
    const id = await anyProject();
    const watch = await listener.watch(id);
    const woken = watch.next(10_000);
    await dropListenConnection();
    expect(await woken).toBe('changed');
    watch.stop();
    const again = await listener.watch(id);
    try {
      const next = again.next(10_000);
      await announce(id);
      expect(await next).toBe('changed');
    } finally {
      again.stop();
    }
  });

  it('hears of review tasks added to a project without a new step (a retried assignment)', async () => {
    const id = await anyProject();
    const watch = await listener.watch(id);
    try {
      await stack.dataSource.transaction(async (em) => {
        await addTask(em, id);
        // Leave the shared database as it was: the insert is undone, so nothing is announced.
        throw new Error('roll back');
      }).catch(() => undefined);
      expect(await watch.next(300)).toBe('timeout');
      const woken = watch.next(10_000);
      const task = await addTask(stack.dataSource, id);
      try {
        expect(await woken).toBe('changed');
      } finally {
        await stack.dataSource.query('DELETE FROM review_tasks WHERE id = $1', [task]);
      }
    } finally {
      watch.stop();
    }
  });

  it('after a lost connection, a watcher that waits again listens anew and is told to read again first', async () => {
    const id = await anyProject();
    const watch = await listener.watch(id);
    try {
      const woken = watch.next(10_000);
      await dropListenConnection();
      expect(await woken).toBe('changed');
      // The same watch: it reconnects, and says "changed" since notifications meanwhile were not heard.
      expect(await watch.next(10_000)).toBe('changed');
      const next = watch.next(10_000);
      await new Promise((r) => setTimeout(r, 100));
      await announce(id);
      expect(await next).toBe('changed');
    } finally {
      watch.stop();
    }
  });

  it('ends a wait whose caller went away', async () => {
    const watch = await listener.watch(await anyProject());
    try {
      const gone = new AbortController();
      const waiting = watch.next(10_000, gone.signal);
      gone.abort();
      expect(await waiting).toBe('closed');
      expect(await watch.next(10_000, gone.signal)).toBe('closed');
    } finally {
      watch.stop();
    }
  });

  it('answers waiting watchers `closed` when it closes', async () => {
    const own = new ProjectChangeListener({ connectionString: loadStackInfo().databaseUrl, applicationName: 'dueflow-test-listen-2' });
    const watch = await own.watch(await anyProject());
    const waiting = watch.next(10_000);
    await own.close();
    expect(await waiting).toBe('closed');
    expect(await (await own.watch('x')).next(10)).toBe('closed');
  });
});
