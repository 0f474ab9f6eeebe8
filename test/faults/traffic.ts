import { SECTORS, TERMINAL_STATUSES, TRACKS } from '@dueflow/domain';
import type { ProjectStatus, Track } from '@dueflow/domain';
import { ADMIN, MANAGER, MANAGER_2, OFFICER, REVIEWERS, projectBody, reviewBody, stillBeingAssigned } from '../support/factories';
import type { Log } from './fault-stack';
import { DECLINE_TRACK, DUAL_APPROVAL_THRESHOLD, MINIMUM_INVESTMENT, Plan, planFor } from './plans';
import { CallResult, ResilientClient } from './resilient-client';

/** One review task as the clients handled it. */
export interface TaskRecord {
  taskId: string;
  reviewer: string;
  action: 'review' | 'decline';
  /**
   * pending: sent, outcome unknown (no answer, 5xx, or a refusal after such an attempt);
   * accepted: a 2xx, or the task later read back as submitted/declined; refused: it never was.
   */
  state: 'pending' | 'accepted' | 'refused';
  /** At least one attempt got a 2xx: the API promised the review was taken. */
  answered2xx: boolean;
  /** A pending task is read back and retried no sooner than this. */
  retryAt: number;
  /** When the API first answered "still being assigned" for this task the list showed. */
  unknownSince?: number;
}

/** One submission and everything the clients did for it. */
export interface Submission {
  index: number;
  key: string;
  company: string;
  plan: Plan;
  body: Record<string, unknown>;
  projectId?: string;
  /** 201 (created) or 200 (a retry that found the project). */
  submitStatus?: number;
  submitFailed?: string;
  /** Submission attempts that got no answer or a 5xx before one got through. */
  submitRetries: string[];
  /** Held back from the regular submitters, sent while Temporal is down (see `submitProbes`). */
  probe: boolean;
  /**
   * A probe whose client sends once and gives up when the answer is lost (never retries): its
   * process must be started by the worker's reconciler, and the officer finds the project later in
   * the list (by company).
   */
  givesUp: boolean;
  /** Why a giving-up client got no answer. */
  gaveUp?: string;
  tasks: Map<string, TaskRecord>;
  /** Review and decline permits taken (a task handled counts once, however often it is retried). */
  reviewsTaken: number;
  declinesTaken: number;
  infoRequested: boolean;
  awaitingSince?: number;
  /** Accepted (2xx) actions by kind: decisions, answers, signing, withdrawal. */
  accepted: string[];
}

/** What the fault schedule watches to strike while the right kind of traffic flows. */
export interface Progress {
  /** Regular submissions answered, of `total` (probes not counted). */
  submitted: number;
  reviews: number;
  decisions: number;
  finished: number;
  total: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const FINAL: readonly ProjectStatus[] = TERMINAL_STATUSES;

/** Extra reviewers per track, so no panel ever runs short while hundreds of projects are open. */
const EXTRA_REVIEWERS_PER_TRACK = 5;

/**
 * The clients: officers submitting with Idempotency-Keys, reviewers working through their task
 * lists, managers deciding, officers answering, signing and withdrawing. Every action is chosen from
 * the state the API shows, so an action whose answer was lost is simply not repeated once the
 * state has moved on, and repeated (and refused by the workflow) when the read model lags.
 */
export class Traffic {
  readonly submissions: Submission[];
  /** Regular submissions, sent by the submitter loops. */
  readonly total: number;
  readonly byProject = new Map<string, Submission>();
  reviewers: string[] = [...REVIEWERS];
  /** Refusals (4xx) the clients got, by route and status: stale reads the workflow turned away. */
  readonly refusals = new Map<string, number>();
  /** Refusals that no stale read explains (logged as they happen). */
  readonly surprises: string[] = [];
  /** Longest a listed task was refused as still being assigned before the workflow took it. */
  longestUnknownTaskMs = 0;
  readonly counts = { reviewsAccepted: 0, declinesAccepted: 0, decisions: 0, answers: 0, signings: 0, withdrawals: 0, resubmits: 0 };
  /** Submissions sent and not yet answered: the API is killed while some are. */
  submissionsInFlight = 0;
  private stopped = false;
  private readonly running: Array<Promise<void>> = [];
  /** Projects the API last showed in a final status. */
  private readonly finished = new Set<string>();

  constructor(
    private readonly client: ResilientClient,
    private readonly log: Log,
    total: number,
    /** The last `probes` submissions are held back for `submitProbes`. */
    probes: number,
    runTag: string,
  ) {
    this.total = total - probes;
    this.submissions = Array.from({ length: total }, (_, index) => {
      const plan = planFor(index);
      const company = `Faults ${runTag} Precision ${index} Co., Ltd.`;
      const body = projectBody({
        name: `Fault line ${index}`,
        company,
        sector: SECTORS[index % (SECTORS.length - 1)],
        totalInvestment: { amount: plan.totalInvestment, currency: 'CNY' },
      });
      return {
        index,
        key: `faults-${runTag}-${index}`,
        company,
        plan,
        body,
        submitRetries: [],
        probe: index >= total - probes,
        givesUp: index >= total - probes && index % 2 === 0,
        tasks: new Map(),
        reviewsTaken: 0,
        declinesTaken: 0,
        infoRequested: false,
        accepted: [],
      };
    });
  }

  /**
   * Long review deadlines (nothing expires), a decision reminder 10 s into each wait and an
   * escalation at 40 s (timer-driven notifications that fire across the restarts without changing
   * any final state), and enough reviewers for every panel.
   */
  async prepare(): Promise<void> {
    // PUT /policy takes the version it replaces (optimistic concurrency).
    const current = await this.client.call(ADMIN, 'GET', '/policy');
    const policy = await this.client.call(ADMIN, 'PUT', '/policy', {
      body: {
        version: current.body.version,
        reviewersPerTrack: { expert: 2, vc: 1, academic: 1 },
        quorum: { expert: 2, vc: 1, academic: 1 },
        reviewDeadline: 'P14D',
        reminderBefore: 'PT30S',
        maxReassignments: 2,
        decisionDeadline: 'PT40S',
        signingDeadline: 'P90D',
        dualApprovalThreshold: { amount: DUAL_APPROVAL_THRESHOLD, currency: 'CNY' },
        trackWeights: { expert: 0.4, vc: 0.35, academic: 0.25 },
        sectors: [...SECTORS],
        minimumInvestment: { amount: MINIMUM_INVESTMENT, currency: 'CNY' },
      },
    });
    if (policy.status !== 200) throw new Error(`PUT /policy: ${policy.status} ${JSON.stringify(policy.body)}`);
    for (const track of TRACKS) {
      for (let i = 1; i <= EXTRA_REVIEWERS_PER_TRACK; i++) {
        const email = `faults-${track}-${i}@dueflow.local`;
        const res = await this.client.call(ADMIN, 'POST', '/users', {
          body: {
            email,
            name: `Fault ${track} reviewer ${i}`,
            password: 'dueflow-demo',
            roles: ['reviewer'],
            reviewer: { tracks: [track], sectors: [...SECTORS], affiliation: `Fault Lab ${track} ${i}`, maxOpenTasks: 100 },
          },
        });
        if (res.status !== 201 && res.status !== 409) throw new Error(`POST /users ${email}: ${res.status} ${JSON.stringify(res.body)}`);
        this.reviewers.push(email);
      }
    }
  }

  progress(): Progress {
    return {
      submitted: this.submissions.filter((s) => s.projectId && !s.probe).length,
      reviews: this.counts.reviewsAccepted,
      decisions: this.counts.decisions,
      finished: this.finished.size,
      total: this.total,
    };
  }

  /** Starts every client loop; submissions are spread over `submitWindowMs`. */
  start(options: { submitters: number; submitWindowMs: number; desks: number }): void {
    let next = 0;
    const started = Date.now();
    const spacing = options.submitWindowMs / this.total;
    for (let i = 0; i < options.submitters; i++) {
      this.running.push(
        (async () => {
          while (!this.stopped && next < this.total) {
            const submission = this.submissions[next++]!;
            const due = started + submission.index * spacing;
            if (due > Date.now()) await sleep(due - Date.now());
            await this.submit(submission);
          }
        })(),
      );
    }
    for (const reviewer of this.reviewers) this.running.push(this.reviewerLoop(reviewer));
    this.running.push(this.deskLoop(options.desks));
  }

  /** Sends the held-back submissions at once (the suite does so while Temporal is down) and resolves when all are answered. */
  submitProbes(): Promise<void> {
    const probes = this.submissions.filter((s) => s.probe);
    const running = Promise.all(probes.map((s) => this.submit(s))).then(() => undefined);
    this.running.push(running);
    return running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all(this.running);
  }

  // ---- officers: submissions ------------------------------------------------------------------

  private async submit(s: Submission): Promise<void> {
    this.submissionsInFlight++;
    const options = { body: s.body, headers: { 'idempotency-key': s.key }, onRetry: (why: string) => s.submitRetries.push(why), once: s.givesUp };
    const res = await (s.givesUp
      ? this.client.call(OFFICER, 'POST', '/projects', options).catch((error: unknown) => {
          s.gaveUp = error instanceof Error ? error.message : String(error);
          return null;
        })
      : this.guard(`submit ${s.key}`, () => this.client.call(OFFICER, 'POST', '/projects', options))
    ).finally(() => this.submissionsInFlight--);
    if (!res) return;
    if (res.status !== 201 && res.status !== 200) {
      if (s.givesUp && res.status >= 500) {
        s.gaveUp = `${res.status}`;
        return;
      }
      s.submitFailed = `${res.status} ${JSON.stringify(res.body)}`;
      this.surprise(`submission ${s.key} refused: ${s.submitFailed}`);
      return;
    }
    if (res.status === 200) this.counts.resubmits++;
    s.submitStatus = res.status;
    await this.adopt(s, res.body.id);
  }

  /** The project is known to its officer from now on: by the answer, or found in the list later. */
  private async adopt(s: Submission, projectId: string): Promise<void> {
    s.projectId = projectId;
    this.byProject.set(projectId, s);
    // At once, while the workflow is still screening or assigning.
    if (s.plan.kind === 'withdraw-early') await this.act(s, 'withdraw');
  }

  // ---- reviewers ------------------------------------------------------------------------------

  private async reviewerLoop(reviewer: string): Promise<void> {
    while (!this.stopped) {
      let worked = false;
      const open = await this.guard(`tasks of ${reviewer}`, () => this.client.call(reviewer, 'GET', '/tasks?status=open'));
      for (const task of (open?.status === 200 ? open.body.items : []) as Array<{ id: string; projectId: string; track: Track }>) {
        if (this.stopped) break;
        const s = this.byProject.get(task.projectId);
        if (!s) continue;
        let record = s.tasks.get(task.id);
        if (!record) {
          const action = this.pickTaskAction(s, task.track);
          if (!action) continue;
          record = { taskId: task.id, reviewer, action, state: 'pending', answered2xx: false, retryAt: 0 };
          s.tasks.set(task.id, record);
        }
        // The list lags behind an accepted review; a refused one is retried below, after a pause.
        if (record.state !== 'pending' || record.retryAt > Date.now()) continue;
        await this.handleTask(s, record, task.track);
        worked = true;
      }
      // Outcomes still unknown: read the task back, and send again if it is still open.
      for (const s of this.submissions) {
        for (const record of s.tasks.values()) {
          if (record.reviewer !== reviewer || record.state !== 'pending' || record.retryAt > Date.now()) continue;
          const detail = await this.guard(`task ${record.taskId}`, () => this.client.call(reviewer, 'GET', `/tasks/${record.taskId}`));
          if (detail?.status !== 200) continue;
          this.settleFromTask(s, record, detail.body.status);
          if (record.state === 'pending') await this.handleTask(s, record, detail.body.track);
        }
      }
      if (!worked) await sleep(300 + Math.random() * 400);
    }
  }

  /** A decline on the plan's track first, then reviews up to the plan's count. */
  private pickTaskAction(s: Submission, track: Track): TaskRecord['action'] | null {
    if (s.declinesTaken < s.plan.declines && track === DECLINE_TRACK) {
      s.declinesTaken++;
      return 'decline';
    }
    if (s.reviewsTaken < s.plan.reviews) {
      s.reviewsTaken++;
      return 'review';
    }
    return null;
  }

  private async handleTask(s: Submission, record: TaskRecord, track: Track): Promise<void> {
    const path = record.action === 'review' ? `/tasks/${record.taskId}/review` : `/tasks/${record.taskId}/decline`;
    const body = record.action === 'review' ? reviewBody(track, s.plan.score) : { reason: 'Fault suite: no time this month.', conflictOfInterest: false };
    const res = await this.guard(`${record.action} ${record.taskId}`, () => this.client.call(record.reviewer, 'POST', path, { body }));
    if (!res) return;
    if (res.status === 200) {
      record.answered2xx = true;
      this.accept(record);
      if (record.unknownSince) this.longestUnknownTaskMs = Math.max(this.longestUnknownTaskMs, Date.now() - record.unknownSince);
      return;
    }
    if (stillBeingAssigned(res)) record.unknownSince ??= Date.now();
    // Read back and retried after a pause: our own earlier attempt may be what closed the task (409),
    // or the workflow has not yet taken in the assignment the task list already shows (409, "still
    // being assigned").
    record.retryAt = Date.now() + 1_000 + Math.random() * 1_000;
    this.refused(`POST /tasks/:id/${record.action}`, res);
    if (res.status !== 409) {
      this.surprise(`${record.action} of task ${record.taskId} (${s.key}) refused: ${res.status} ${JSON.stringify(res.body)}`);
    }
  }

  private settleFromTask(s: Submission, record: TaskRecord, status: string): void {
    const done = record.action === 'review' ? 'submitted' : 'declined';
    if (status === done) this.accept(record);
    else if (status !== 'open') {
      record.state = 'refused';
      if (record.action === 'review') s.reviewsTaken--;
      else s.declinesTaken--;
      this.surprise(`${record.action} of task ${record.taskId} (${s.key}) never took: the task is ${status}`);
    }
  }

  private accept(record: TaskRecord): void {
    if (record.state === 'accepted') return;
    record.state = 'accepted';
    if (record.action === 'review') this.counts.reviewsAccepted++;
    else this.counts.declinesAccepted++;
  }

  // ---- managers and officers: decisions, answers, signing, withdrawal ----------------------------

  /** Reads every project's status through the API and hands out the next step of each plan. */
  private async deskLoop(concurrency: number): Promise<void> {
    const busy = new Set<string>();
    const cooldown = new Map<string, number>();
    const inFlight = new Set<Promise<void>>();
    while (!this.stopped) {
      const statuses = await this.listStatuses();
      for (const [id, status] of statuses) {
        const s = this.byProject.get(id);
        if (!s) continue;
        if (FINAL.includes(status)) {
          this.finished.add(id);
          continue;
        }
        this.finished.delete(id);
        if (busy.has(id) || (cooldown.get(id) ?? 0) > Date.now()) continue;
        const step = this.nextStep(s, status);
        // A step the API already accepted is never sent again: if the state shows it undone, that is a finding.
        if (!step || s.accepted.includes(step)) continue;
        while (inFlight.size >= concurrency) await Promise.race(inFlight);
        busy.add(id);
        const running = this.act(s, step).finally(() => {
          busy.delete(id);
          // Give the read model a moment before acting on this project again.
          cooldown.set(id, Date.now() + 1_000);
          inFlight.delete(running);
        });
        inFlight.add(running);
      }
      await sleep(500);
    }
    await Promise.all(inFlight);
  }

  private async listStatuses(): Promise<Map<string, ProjectStatus>> {
    const statuses = new Map<string, ProjectStatus>();
    let cursor: string | null = null;
    do {
      const path: string = `/projects?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = await this.guard('project list', () => this.client.call(MANAGER, 'GET', path));
      if (page?.status !== 200) return statuses;
      for (const item of page.body.items as Array<{ id: string; status: ProjectStatus; company: string }>) {
        statuses.set(item.id, item.status);
        // A submission whose client gave up without an answer: its officer finds it in the list.
        const lostAnswer = !this.byProject.has(item.id) && this.submissions.find((x) => x.gaveUp && !x.projectId && x.company === item.company);
        if (lostAnswer) await this.adopt(lostAnswer, item.id);
      }
      cursor = page.body.nextCursor;
    } while (cursor && !this.stopped);
    return statuses;
  }

  private nextStep(s: Submission, status: ProjectStatus): Step | null {
    const { plan } = s;
    if (status === 'information_requested') s.infoRequested = true;
    if (status !== 'awaiting_decision') s.awaitingSince = undefined;
    switch (plan.kind) {
      case 'withdraw-early':
        return 'withdraw';
      case 'withdraw-review':
        return [...s.tasks.values()].filter((t) => t.action === 'review' && t.state === 'accepted').length >= plan.reviews ? 'withdraw' : null;
      case 'withdraw-decision':
        return status === 'awaiting_decision' ? 'withdraw' : null;
      default:
        break;
    }
    switch (status) {
      case 'awaiting_decision': {
        s.awaitingSince ??= Date.now();
        if (Date.now() - s.awaitingSince < plan.decisionDelayMs) return null;
        if (plan.kind === 'no-go') return 'no_go';
        if (plan.kind === 'sign-info' && !s.infoRequested) return 'request_info';
        return 'go';
      }
      case 'awaiting_second_approval':
        return 'second_go';
      case 'information_requested':
        return 'answer';
      case 'approved':
        return 'sign';
      default:
        return null;
    }
  }

  private async act(s: Submission, step: Step): Promise<void> {
    const id = s.projectId!;
    const firstManager = s.index % 2 === 0 ? MANAGER : MANAGER_2;
    const calls: Record<Step, () => Promise<CallResult>> = {
      go: () => this.client.call(firstManager, 'POST', `/projects/${id}/decision`, { body: { outcome: 'go', rationale: 'Strong panel; fits the chain.' } }),
      second_go: () =>
        this.client.call(firstManager === MANAGER ? MANAGER_2 : MANAGER, 'POST', `/projects/${id}/decision`, { body: { outcome: 'go', rationale: 'Concur.' } }),
      no_go: () => this.client.call(firstManager, 'POST', `/projects/${id}/decision`, { body: { outcome: 'no_go', rationale: 'Weak scores on every track.' } }),
      request_info: () =>
        this.client.call(firstManager, 'POST', `/projects/${id}/decision`, {
          body: { outcome: 'request_info', rationale: 'Need the supply contracts.', questions: ['Who supplies the bearings?'] },
        }),
      answer: () => this.client.call(OFFICER, 'POST', `/projects/${id}/information`, { body: { answers: ['Two suppliers, contracts attached.'] } }),
      sign: () =>
        this.client.call(OFFICER, 'POST', `/projects/${id}/signing`, {
          body: { signedAt: new Date().toISOString(), agreedInvestment: { amount: 280_000_000, currency: 'CNY' } },
        }),
      withdraw: () => this.client.call(OFFICER, 'POST', `/projects/${id}/withdraw`, { body: { reason: 'The company chose another park.' } }),
    };
    const res = await this.guard(`${step} ${s.key}`, calls[step]);
    if (!res) return;
    if (res.status === 200) {
      s.accepted.push(step);
      if (step === 'request_info') s.infoRequested = true;
      if (step === 'answer') this.counts.answers++;
      else if (step === 'sign') this.counts.signings++;
      else if (step === 'withdraw') this.counts.withdrawals++;
      else this.counts.decisions++;
      return;
    }
    // A stale list (409/422 from the workflow) is expected; the next read decides what comes next.
    this.refused(`${step}`, res);
    if (res.status !== 409 && res.status !== 422) this.surprise(`${step} on ${s.key} refused: ${res.status} ${JSON.stringify(res.body)}`);
  }

  // ---- plumbing ---------------------------------------------------------------------------------

  /** A call that still failed after every retry the client makes ends that action, not the run. */
  private async guard<T>(what: string, call: () => Promise<T>): Promise<T | null> {
    try {
      return await call();
    } catch (error) {
      this.surprise(`${what}: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
  }

  private refused(route: string, res: CallResult): void {
    const key = `${route} ${res.status}${res.ambiguous ? ' after a lost answer' : ''}`;
    this.refusals.set(key, (this.refusals.get(key) ?? 0) + 1);
  }

  private surprise(message: string): void {
    this.surprises.push(message);
    this.log(`client: ${message}`);
  }
}

type Step = 'go' | 'second_go' | 'no_go' | 'request_info' | 'answer' | 'sign' | 'withdraw';
