import type { DataSource } from 'typeorm';
import { ADMIN, MANAGER, OFFICER, REVIEWERS, projectBody } from '../support/factories';
import { Http, RunningDueflow, eventually, startDueflowWithClient } from '../support/harness';

interface Verdict {
  projectId: string;
  valid: boolean;
  events: number;
  head: string;
  firstBrokenLink: { position: number; seq: number | null; reason: string; expected: string; found: string } | null;
}

/**
 * Changes audit rows the way only someone with direct database access could: as a superuser with
 * triggers switched off for this one transaction (session_replication_role = replica).
 */
function tamper(dataSource: DataSource, sql: string, params: unknown[]): Promise<unknown> {
  return dataSource.transaction(async (em) => {
    await em.query(`SET LOCAL session_replication_role = replica`);
    return em.query(sql, params);
  });
}

describe('audit: append-only, hash-chained timeline', () => {
  let stack: RunningDueflow;
  let http: Http;

  beforeAll(async () => ({ stack, http } = await startDueflowWithClient()));
  afterAll(() => stack?.stop());

  /** A submitted project whose three tracks have been assigned: at least four events. */
  async function projectWithEvents(): Promise<{ id: string; items: Array<{ seq: number; type: string; hash: string }> }> {
    const created = await http.as(OFFICER, 'POST', '/projects', { body: projectBody() });
    expect(created.status).toBe(201);
    const id: string = created.body.id;
    const items = await eventually('submission and three assignments on the timeline', async () => {
      const res = await http.as(MANAGER, 'GET', `/projects/${id}/timeline`);
      return res.body.items.filter((e: { type: string }) => e.type === 'reviewers_assigned').length >= 3 ? res.body.items : undefined;
    });
    return { id, items };
  }

  /** The project's stored events in append order. */
  const appended = (id: string): Promise<Array<{ id: string; seq: number }>> =>
    stack.dataSource.query(`SELECT id, seq FROM timeline_events WHERE project_id = $1 ORDER BY id`, [id]);

  const verify = async (id: string, as = MANAGER) => {
    const res = await http.as<Verdict>(as, 'GET', `/projects/${id}/timeline/verify`);
    expect(res.status).toBe(200);
    return res.body;
  };

  it('verifies an untouched timeline, event by event, with the head the project remembers', async () => {
    const { id, items } = await projectWithEvents();
    const verdict = await verify(id, OFFICER);
    const stored: Array<{ hash: string }> = await stack.dataSource.query(`SELECT hash FROM timeline_events WHERE project_id = $1 ORDER BY id`, [id]);
    expect(verdict).toEqual({ projectId: id, valid: true, events: stored.length, head: stored.at(-1)!.hash, firstBrokenLink: null });
    expect(stored.length).toBeGreaterThanOrEqual(items.length);
    expect(items.every((e) => /^[0-9a-f]{64}$/.test(e.hash))).toBe(true);
    expect(new Set(items.map((e) => e.hash)).size).toBe(items.length);
  });

  it('is refused UPDATE, DELETE and TRUNCATE by the database itself', async () => {
    const { id } = await projectWithEvents();
    await expect(stack.dataSource.query(`UPDATE timeline_events SET type = 'forged' WHERE project_id = $1`, [id])).rejects.toThrow(/append-only: UPDATE refused/);
    await expect(stack.dataSource.query(`DELETE FROM timeline_events WHERE project_id = $1`, [id])).rejects.toThrow(/append-only: DELETE refused/);
    await expect(stack.dataSource.query(`TRUNCATE timeline_events CASCADE`)).rejects.toThrow(/append-only: TRUNCATE refused/);
    await expect(stack.dataSource.query(`DELETE FROM projects WHERE id = $1`, [id])).rejects.toThrow(/append-only/);
    const [{ n }] = await stack.dataSource.query(`SELECT count(*)::int AS n FROM timeline_events WHERE project_id = $1 AND type = 'forged'`, [id]);
    expect(n).toBe(0);
    expect((await verify(id)).valid).toBe(true);
  });

  it('reports an event whose content was changed in PostgreSQL as the first broken link', async () => {
    const { id } = await projectWithEvents();
    const [, second] = await appended(id);
    await tamper(stack.dataSource, `UPDATE timeline_events SET data = jsonb_set(data, '{forged}', 'true') WHERE id = $1`, [second!.id]);
    const verdict = await verify(id);
    expect(verdict.valid).toBe(false);
    expect(verdict.firstBrokenLink).toMatchObject({ position: 2, seq: second!.seq, reason: 'content-altered' });
  });

  it('reports a deleted event at the event after the gap, and events cut off the end', async () => {
    const { id } = await projectWithEvents();
    const [, second, third] = await appended(id);
    await tamper(stack.dataSource, `DELETE FROM timeline_events WHERE id = $1`, [second!.id]);
    expect((await verify(id, ADMIN)).firstBrokenLink).toMatchObject({ position: 2, seq: third!.seq, reason: 'link-broken' });

    const other = await projectWithEvents();
    const last = (await appended(other.id)).at(-1)!;
    await tamper(stack.dataSource, `DELETE FROM timeline_events WHERE id = $1`, [last.id]);
    const verdict = await verify(other.id);
    expect(verdict.valid).toBe(false);
    expect(verdict.firstBrokenLink).toMatchObject({ seq: null, reason: 'head-mismatch' });
  });

  it('is shown to the panel only, and a project the caller may not see answers 404', async () => {
    const { id } = await projectWithEvents();
    expect((await http.request('GET', `/projects/${id}/timeline/verify`)).status).toBe(401);
    expect((await http.as(REVIEWERS[0]!, 'GET', `/projects/${id}/timeline/verify`)).status).toBe(403);
    expect((await http.as(MANAGER, 'GET', `/projects/00000000-0000-4000-8000-000000000000/timeline/verify`)).status).toBe(404);
    expect((await http.as(MANAGER, 'GET', `/projects/not-a-uuid/timeline/verify`)).status).toBe(400);
  });
});
