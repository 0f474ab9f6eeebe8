import { randomUUID } from 'node:crypto';
import { DEFAULT_POLICY, Track } from '@dueflow/domain';
import { DEFAULT_DEMO_PASSWORD } from '@dueflow/persistence';
import { ADMIN, MANAGER, OFFICER, REVIEWERS, projectBody, reviewBody } from '../support/factories';
import { Http, RunningDueflow, eventually, postReview, startDueflowWithClient, usePolicy } from '../support/harness';

interface OpenTask {
  reviewer: string;
  id: string;
  track: Track;
}

const DEMO_EXPERTS = ['expert1@dueflow.local', 'expert2@dueflow.local'];

/**
 * Who sees what follows from a person's part in one project, not from their roles alone: people with
 * two roles, the officer's and reviewers' timelines, a conflict of interest, the information rounds
 * and a re-opened track's rounds, over HTTP against the real worker and database.
 */
describe('views by part in the project', () => {
  let stack: RunningDueflow;
  let http: Http;
  /** Everyone who can hold a review task: the demo reviewers and the people these tests create. */
  const people = [...REVIEWERS];
  /** Every reviewer on the expert track, so a project can be given the expert panel a test needs. */
  const experts = [...DEMO_EXPERTS];
  const created: string[] = [];
  const ids = new Map<string, string>();

  beforeAll(async () => {
    ({ stack, http } = await startDueflowWithClient());
    await usePolicy(http, DEFAULT_POLICY);
  });
  afterAll(async () => {
    // Other suites share the database and count on the demo pool: retire the reviewers made here.
    if (created.length) await stack.dataSource.query(`UPDATE users SET roles = array_remove(roles, 'reviewer') WHERE id = ANY($1::uuid[])`, [created]);
    await stack?.stop();
  });

  async function idOf(email: string): Promise<string> {
    if (!ids.has(email)) {
      const res = await http.request('POST', '/auth/login', { body: { email, password: DEFAULT_DEMO_PASSWORD } });
      expect(res.status).toBe(200);
      ids.set(email, res.body.user.id);
    }
    return ids.get(email)!;
  }

  /** A person with the given roles; with `reviewer`, an expert on every sector. */
  async function person(label: string, roles: string[]): Promise<string> {
    const email = `${label}-${randomUUID().slice(0, 8)}@views.dueflow.local`;
    const reviewer = roles.includes('reviewer') ? { tracks: ['expert'], sectors: [...DEFAULT_POLICY.sectors], maxOpenTasks: 10 } : undefined;
    const res = await http.as(ADMIN, 'POST', '/users', { body: { email, name: `Views ${label}`, password: DEFAULT_DEMO_PASSWORD, roles, reviewer } });
    expect(res.status).toBe(201);
    ids.set(email, res.body.id);
    created.push(res.body.id);
    if (reviewer) {
      people.push(email);
      experts.push(email);
    }
    return email;
  }

  /** Submits a project whose expert panel can only come from `panel`: every other expert declares a conflict with it. */
  async function submitWithExperts(panel: string[]): Promise<string> {
    const company = `Views Robotics ${randomUUID().slice(0, 8)} Ltd.`;
    for (const expert of experts.filter((e) => !panel.includes(e))) {
      const declared = await http.as(ADMIN, 'POST', `/users/${await idOf(expert)}/conflicts`, { body: { company, reason: 'kept off this test panel' } });
      expect(declared.status).toBe(201);
    }
    const res = await http.as(OFFICER, 'POST', '/projects', { body: projectBody({ company }) });
    expect(res.status).toBe(201);
    return res.body.id;
  }

  /** The project's open tasks, found as each person (a manager lists more than their own: keep theirs). */
  async function openTasks(projectId: string, expected: number): Promise<OpenTask[]> {
    return eventually(`${expected} open tasks`, async () => {
      const found: OpenTask[] = [];
      for (const reviewer of people) {
        const mine = await idOf(reviewer);
        const res = await http.as(reviewer, 'GET', `/tasks?projectId=${projectId}&status=open`);
        for (const t of res.body.items) if (t.assignee.id === mine) found.push({ reviewer, id: t.id, track: t.track });
      }
      return found.length === expected ? found : undefined;
    });
  }

  async function waitFor(projectId: string, what: string, ready: (project: any) => boolean) {
    return eventually(what, async () => {
      const res = await http.as(MANAGER, 'GET', `/projects/${projectId}`);
      return ready(res.body) ? res.body : undefined;
    });
  }

  async function reviewAll(tasks: OpenTask[]) {
    for (const t of tasks) expect((await postReview(http, t.reviewer, t.id, reviewBody(t.track))).status).toBe(200);
  }

  it('gives a manager who reviews only their own part of the project while their task is open, and after', async () => {
    const managerReviewer = await person('manager-reviewer', ['manager', 'reviewer']);
    const coReviewer = await person('co-reviewer', ['reviewer']);
    const id = await submitWithExperts([managerReviewer, coReviewer]);
    const tasks = await openTasks(id, 4);
    const mine = tasks.find((t) => t.reviewer === managerReviewer)!;
    const theirs = tasks.find((t) => t.reviewer === coReviewer)!;
    expect([mine.track, theirs.track]).toEqual(['expert', 'expert']);
    expect((await postReview(http, coReviewer, theirs.id, reviewBody('expert', 2))).status).toBe(200);
    // The plain manager sees the co-reviewer's review; the manager who reviews must not.
    await waitFor(id, 'the co-review recorded', (p) => p.tracks.expert.reviews.length === 1);
    // Acting follows the part as seeing does: as the project's reviewer, the manager may not withdraw it.
    const withdrawal = await http.as(managerReviewer, 'POST', `/projects/${id}/withdraw`, { body: { reason: 'Not as its reviewer.' } });
    expect([withdrawal.status, withdrawal.body.message]).toEqual([403, expect.stringMatching(/^you are a reviewer of this project; /)]);
    expect((await http.as(MANAGER, 'GET', `/projects/${id}`)).body.status).toBe('in_review');

    const seen = async () => {
      const page = await http.as(managerReviewer, 'GET', `/projects/${id}`);
      expect(page.status).toBe(200);
      expect(Object.keys(page.body.tracks)).toEqual(['expert']);
      expect(page.body.tracks.expert.tasks.map((t: { id: string }) => t.id)).toEqual([mine.id]);
      expect(page.body.tracks.expert.reviews.every((r: { reviewerId: string }) => r.reviewerId === ids.get(managerReviewer))).toBe(true);
      expect(page.body.synthesis).toBeNull();
      expect(page.body.decisions).toEqual([]);
      expect(page.body.signing).toBeNull();
      expect(JSON.stringify(page.body)).not.toContain(theirs.id);
      expect((await http.as(managerReviewer, 'GET', `/tasks/${theirs.id}`)).status).toBe(404);
      const listed = await http.as(managerReviewer, 'GET', `/tasks?projectId=${id}`);
      expect(listed.body.items.map((t: { id: string }) => t.id)).toEqual([mine.id]);
      const everywhere = await http.as(managerReviewer, 'GET', `/tasks?track=expert`);
      expect(everywhere.body.items.map((t: { id: string }) => t.id)).not.toContain(theirs.id);
      const timeline = await http.as(managerReviewer, 'GET', `/projects/${id}/timeline`);
      expect(timeline.status).toBe(200);
      expect(JSON.stringify(timeline.body)).not.toContain(ids.get(coReviewer)!);
      expect(JSON.stringify(timeline.body)).not.toContain(theirs.id);
      expect((await http.as(managerReviewer, 'GET', `/projects/${id}/report`)).status).toBe(404);
      expect((await http.as(managerReviewer, 'GET', `/projects/${id}/timeline/verify`)).status).toBe(404);
      return page.body;
    };
    const before = await seen();
    expect(before.tracks.expert.reviews).toEqual([]);
    expect(before.tracks.expert.status).toBe('in_review');

    // Submitting their own review does not give them the panel back: a reviewer of the project stays one.
    expect((await postReview(http, managerReviewer, mine.id, reviewBody('expert', 5))).status).toBe(200);
    await waitFor(id, 'both expert reviews recorded', (p) => p.tracks.expert.reviews.length === 2);
    const after = await seen();
    expect(after.tracks.expert.reviews).toHaveLength(1);
    expect(after.tracks.expert.status).toBe('complete');

    // A manager with no part in the reviews sees the whole panel, pool and all.
    const manager = await http.as(MANAGER, 'GET', `/projects/${id}`);
    expect(manager.body.tracks.expert.reviews).toHaveLength(2);
    expect((await http.as(MANAGER, 'GET', `/tasks/${theirs.id}`)).status).toBe(200);
    await http.as(MANAGER, 'POST', `/projects/${id}/withdraw`, { body: { reason: 'test over' } });
  });

  it('shows the officer the milestones and a reviewer their own part; a reviewer who declines for a conflict loses the project', async () => {
    const staying = await person('staying-expert', ['reviewer']);
    const leaving = await person('leaving-expert', ['reviewer']);
    const id = await submitWithExperts([staying, leaving]);
    const tasks = await openTasks(id, 4);
    const declining = tasks.find((t) => t.reviewer === leaving)!;
    const vc = tasks.find((t) => t.track === 'vc')!;
    const declined = await http.as(leaving, 'POST', `/tasks/${declining.id}/decline`, { body: { reason: 'I consult for them', conflictOfInterest: true } });
    expect(declined.status).toBe(200);
    // No expert is left to replace them: the pool runs out, which the officer may know.
    await eventually('the shortfall on the timeline', async () => {
      const res = await http.as(MANAGER, 'GET', `/projects/${id}/timeline`);
      return res.body.items.find((e: { type: string }) => e.type === 'reviewer_pool_exhausted');
    });
    expect((await postReview(http, vc.reviewer, vc.id, reviewBody('vc'))).status).toBe(200);
    await waitFor(id, 'the vc review recorded', (p) => p.tracks.vc.reviews.length === 1);

    // Managers see everything as recorded, and the chain verifies.
    const full = await http.as(MANAGER, 'GET', `/projects/${id}/timeline`);
    const fullText = JSON.stringify(full.body);
    expect(fullText).toContain('considered');
    expect(fullText).toContain('I consult for them');
    const verified = await http.as(MANAGER, 'GET', `/projects/${id}/timeline/verify`);
    expect(verified.body).toMatchObject({ valid: true, events: full.body.items.length });

    // The officer: milestones, no pool, no exclusions, no decline reasons, no reviewer identities.
    const officer = await http.as(OFFICER, 'GET', `/projects/${id}/timeline`);
    expect(officer.status).toBe(200);
    const officerText = JSON.stringify(officer.body);
    for (const leak of ['considered', 'excluded', 'I consult for them', 'conflict_of_interest', 'task_declined', 'reminder_sent']) expect(officerText).not.toContain(leak);
    const reviewerIds = await Promise.all(people.map(idOf));
    for (const reviewerId of reviewerIds) expect(officerText).not.toContain(reviewerId);
    const officerTypes = officer.body.items.map((e: { type: string }) => e.type);
    expect(officerTypes).toEqual(expect.arrayContaining(['submitted', 'screening_passed', 'reviewers_assigned', 'reviewer_pool_exhausted', 'review_submitted']));
    const expertAssigned = officer.body.items.find((e: any) => e.type === 'reviewers_assigned' && e.data.track === 'expert');
    expect(expertAssigned.data).toMatchObject({ track: 'expert', round: 0, count: 2 });
    const review = officer.body.items.find((e: any) => e.type === 'review_submitted');
    expect(review.actor).toEqual({ id: null, name: null });
    expect(review.hash).toEqual(full.body.items.find((e: any) => e.seq === review.seq).hash);
    // The officer's page names no reviewer either.
    const officerPage = await http.as(OFFICER, 'GET', `/projects/${id}`);
    expect(officerPage.body.tracks.vc.reviews).toHaveLength(1);
    for (const reviewerId of reviewerIds) expect(JSON.stringify(officerPage.body)).not.toContain(reviewerId);

    // A reviewer: their own assignment and submission, nothing of the others or the project's milestones.
    const own = await http.as(vc.reviewer, 'GET', `/projects/${id}/timeline`);
    expect(own.status).toBe(200);
    expect(own.body.items.map((e: { type: string }) => e.type)).toEqual(['reviewers_assigned', 'review_submitted']);
    expect(own.body.items[0].data).toEqual({ track: 'vc', round: 0, dueAt: expect.any(String), taskIds: [vc.id] });
    const ownText = JSON.stringify(own.body);
    for (const leak of ['considered', 'excluded', 'I consult for them']) expect(ownText).not.toContain(leak);
    for (const t of tasks.filter((t) => t.id !== vc.id)) expect(ownText).not.toContain(t.id);
    const vcPage = await http.as(vc.reviewer, 'GET', `/projects/${id}`);
    expect(Object.keys(vcPage.body.tracks)).toEqual(['vc']);
    expect(vcPage.body.signing).toBeNull();

    // The reviewer who declined for a conflict is out of the project; their task stays theirs, without it.
    expect((await http.as(leaving, 'GET', `/projects/${id}`)).status).toBe(404);
    expect((await http.as(leaving, 'GET', `/projects/${id}/timeline`)).status).toBe(404);
    const task = await http.as(leaving, 'GET', `/tasks/${declining.id}`);
    expect(task.status).toBe(200);
    expect(task.body.status).toBe('declined');
    expect(task.body.project).toBeUndefined();
    const listed = await http.as(leaving, 'GET', `/tasks?projectId=${id}`);
    expect(listed.body.items.map((t: { id: string; project?: unknown }) => [t.id, t.project])).toEqual([[declining.id, undefined]]);
    await http.as(MANAGER, 'POST', `/projects/${id}/withdraw`, { body: { reason: 'test over' } });
  });

  it('shows the questions and answers of a request_info, and a re-opened track at its new round while managers read the old one', async () => {
    const id = await submitWithExperts(DEMO_EXPERTS);
    await reviewAll(await openTasks(id, 4));
    await waitFor(id, 'awaiting a decision', (p) => p.status === 'awaiting_decision');
    const questions = ['Who holds the remaining 40%?', 'When does the pilot line reach volume?'];
    const answers = ['Two angel investors, 20% each.', 'Q3 next year.'];
    const asked = await http.as(MANAGER, 'POST', `/projects/${id}/decision`, {
      body: { outcome: 'request_info', rationale: 'Need the cap table.', questions, reopenTracks: ['vc'] },
    });
    expect(asked.status).toBe(200);
    // Before the answer the officer reads the open questions.
    const pending = await http.as(OFFICER, 'GET', `/projects/${id}`);
    expect(pending.body.information).toEqual([expect.objectContaining({ round: 1, questions, answers: [], answeredAt: null })]);
    expect((await http.as(OFFICER, 'POST', `/projects/${id}/information`, { body: { answers } })).status).toBe(200);

    const managerId = await idOf(MANAGER);
    const officerId = await idOf(OFFICER);
    const expected = { round: 1, questions, answers, reopenTracks: ['vc'], requestedBy: managerId, answeredBy: officerId, requestedAt: expect.any(String), answeredAt: expect.any(String) };
    for (const who of [MANAGER, OFFICER]) {
      const page = await http.as(who, 'GET', `/projects/${id}`);
      expect(page.body.information).toEqual([expected]);
    }
    const report = await http.as(MANAGER, 'GET', `/projects/${id}/report`);
    expect(report.status).toBe(200);
    expect(report.body.information).toEqual([expected]);
    expect((await http.as(OFFICER, 'GET', `/projects/${id}/report`)).body.information).toEqual([expected]);
    for (const who of [MANAGER, OFFICER]) {
      const timeline = await http.as(who, 'GET', `/projects/${id}/timeline`);
      const provided = timeline.body.items.find((e: { type: string }) => e.type === 'information_provided');
      expect(provided.information).toEqual({ round: 1, questions, answers });
    }

    // The re-opened track is in review at round 1 with none of round 0's reviews in its current view.
    const reopened = await waitFor(id, 'the vc track re-opened at round 1', (p) => p.tracks.vc.round === 1 && p.tracks.vc.status === 'in_review');
    expect(reopened.tracks.vc).toMatchObject({ round: 1, status: 'in_review', submitted: 0, reviews: [] });
    expect(reopened.tracks.vc.tasks.every((t: { round: number }) => t.round === 1)).toBe(true);
    expect(reopened.tracks.expert).toMatchObject({ round: 0, status: 'complete', submitted: 2 });
    // Managers still read round 0.
    expect(reopened.tracks.vc.earlierRounds).toEqual([
      expect.objectContaining({ round: 0, status: 'complete', submitted: 1, reviews: [expect.objectContaining({ track: 'vc', round: 0 })] }),
    ]);
    const officerPage = await http.as(OFFICER, 'GET', `/projects/${id}`);
    expect(officerPage.body.tracks.vc).toMatchObject({ round: 1, status: 'in_review', reviews: [] });
    expect(officerPage.body.tracks.vc.earlierRounds).toBeUndefined();

    // The new VC reviewer reads the questions and answers that re-opened their round, not who asked.
    const [again] = await openTasks(id, 1);
    const newcomer = await http.as(again!.reviewer, 'GET', `/projects/${id}`);
    expect(newcomer.body.tracks.vc.round).toBe(1);
    expect(newcomer.body.information).toEqual([{ round: 1, questions, answers, reopenTracks: ['vc'], requestedAt: expect.any(String), answeredAt: expect.any(String) }]);
    const expert = await http.as(DEMO_EXPERTS[0]!, 'GET', `/projects/${id}`);
    expect(expert.body.information).toEqual([]);

    await reviewAll([again!]);
    const decided = await waitFor(id, 'the new synthesis', (p) => p.status === 'awaiting_decision');
    expect(decided.tracks.vc).toMatchObject({ round: 1, status: 'complete', submitted: 1 });
    expect(decided.tracks.vc.reviews).toEqual([expect.objectContaining({ round: 1 })]);
    const stored = await stack.dataSource.query(`SELECT round, count(*)::int AS n FROM reviews WHERE project_id = $1 AND track = 'vc' GROUP BY round ORDER BY round`, [id]);
    expect(stored).toEqual([
      { round: 0, n: 1 },
      { round: 1, n: 1 },
    ]);
    await http.as(MANAGER, 'POST', `/projects/${id}/withdraw`, { body: { reason: 'test over' } });
  });
});
