import { randomUUID } from 'node:crypto';
import { Client, Connection, WorkflowNotFoundError } from '@temporalio/client';
import { DUE_DILIGENCE_WORKFLOW, processStartOptions, workflowIdFor } from '@dueflow/contract';
import { ProjectStore, processInputOf } from '@dueflow/persistence';
import { ReconcilerLogger, StartReconciler } from '@dueflow/worker';
import { MANAGER, OFFICER, projectBody } from '../support/factories';
import { Http, RunningDueflow, eventually, startDueflowWithClient } from '../support/harness';
import { loadStackInfo } from '../support/test-stack';

const silent: ReconcilerLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

describe('the start reconciler: a submission whose workflow start was lost', () => {
  let stack: RunningDueflow;
  let http: Http;
  let connection: Connection;
  let client: Client;
  let store: ProjectStore;
  let officerId: string;
  const since = Date.now();

  beforeAll(async () => {
    ({ stack, http } = await startDueflowWithClient());
    connection = await Connection.connect({ address: loadStackInfo().temporalAddress });
    client = new Client({ connection });
    store = new ProjectStore(stack.dataSource);
    const login = await http.request('POST', '/auth/login', { body: { email: OFFICER, password: process.env['DUEFLOW_DEMO_PASSWORD'] ?? 'dueflow-demo' } });
    officerId = login.body.user.id;
  });
  afterAll(async () => {
    await connection?.close();
    await stack?.stop();
  });

  /** Only this suite's submissions: earlier suites' projects are outside the window. */
  const reconciler = () =>
    new StartReconciler({ store, client, taskQueue: stack.taskQueue, logger: silent, intervalMs: 0, graceMs: 0, lookbackMs: Date.now() - since + 1_000 });

  /** What POST /projects records before it starts the workflow; the start itself is "lost". */
  async function recordWithoutStarting(overrides: Record<string, unknown> = {}) {
    const body = projectBody(overrides);
    const id = randomUUID();
    const { project } = await store.create({
      id,
      name: body.name,
      company: body.company,
      sector: body.sector as 'robotics',
      totalInvestment: body.totalInvestment as { amount: number; currency: 'CNY' },
      expectedAnnualOutput: null,
      landAreaMu: null,
      headcount: null,
      source: body.source as 'industry_chain',
      stage: null,
      summary: body.summary,
      contact: null,
      submittedBy: officerId,
      workflowId: workflowIdFor(id),
      idempotencyKey: null,
      requestHash: null,
    });
    return project;
  }

  it('starts the process of a recorded submission nobody started, once', async () => {
    const project = await recordWithoutStarting();
    const first = await reconciler().reconcileOnce();
    expect(first).toEqual({ found: 1, started: 1, ended: 0, failed: 0 });
    // The three tracks are assigned in parallel: wait for the whole panel.
    const detail = await eventually('the panel assigned', async () => {
      const res = await http.as(MANAGER, 'GET', `/projects/${project.id}`);
      const { expert, vc, academic } = res.body.tracks;
      return expert.tasks.length + vc.tasks.length + academic.tasks.length === 4 ? res.body : undefined;
    });
    expect(detail.status).toBe('in_review');
    expect(detail.tracks.expert.tasks).toHaveLength(2);
    // The process has recorded its steps: nothing left to start, and no second run.
    expect(await reconciler().reconcileOnce()).toEqual({ found: 0, started: 0, ended: 0, failed: 0 });
    const runs = await client.workflowService.listWorkflowExecutions({ namespace: 'default', query: `WorkflowId = '${workflowIdFor(project.id)}'` });
    expect(runs.executions.length).toBeLessThanOrEqual(1);
    const description = await client.workflow.getHandle(workflowIdFor(project.id)).describe();
    expect(description.status.name).toBe('RUNNING');
  });

  it('leaves a project whose process ended before its first step as it is, and does not look at it again', async () => {
    const project = await recordWithoutStarting();
    // Started on a queue no worker polls, then terminated by an operator before any step.
    const handle = await client.workflow.start(DUE_DILIGENCE_WORKFLOW, processStartOptions(processInputOf(project), `nobody-${randomUUID()}`));
    await handle.terminate('operator stopped it');
    const reconcile = reconciler();
    expect(await reconcile.reconcileOnce()).toEqual({ found: 1, started: 0, ended: 1, failed: 0 });
    expect(await reconcile.reconcileOnce()).toEqual({ found: 0, started: 0, ended: 0, failed: 0 });
    const latest = await client.workflow.getHandle(workflowIdFor(project.id)).describe();
    expect(latest.runId).toBe(handle.firstExecutionRunId);
    expect(latest.status.name).toBe('TERMINATED');
    const [row] = await stack.dataSource.query('SELECT status, audit_length FROM projects WHERE id = $1', [project.id]);
    expect(row).toEqual({ status: 'screening', audit_length: 0 });
  });

  it('waits out the grace period: a submission still being started is not touched', async () => {
    const project = await recordWithoutStarting();
    const patient = new StartReconciler({ store, client, taskQueue: stack.taskQueue, logger: silent, intervalMs: 0, graceMs: 60_000, lookbackMs: 3_600_000 });
    // The reconciler looks at the whole database, where other suites may have left older
    // submissions: the point is that this fresh one is left alone (no process started for it).
    await patient.reconcileOnce();
    await expect(client.workflow.getHandle(workflowIdFor(project.id)).describe()).rejects.toBeInstanceOf(WorkflowNotFoundError);
    const [row] = await stack.dataSource.query('SELECT status, audit_length FROM projects WHERE id = $1', [project.id]);
    expect(row).toEqual({ status: 'screening', audit_length: 0 });
  });

  it('answers a retried submission whose process has ended as the same project, without a second run', async () => {
    const key = `reconciler-${randomUUID()}`;
    const body = projectBody({ totalInvestment: { amount: 1_000_000, currency: 'CNY' } });
    const first = await http.as(OFFICER, 'POST', '/projects', { body, headers: { 'idempotency-key': key } });
    expect(first.status).toBe(201);
    await eventually('screening to reject it', async () => (await http.as(MANAGER, 'GET', `/projects/${first.body.id}`)).body.status === 'rejected');
    const handle = client.workflow.getHandle(workflowIdFor(first.body.id));
    const ended = await eventually('its process to end', async () => {
      const d = await handle.describe();
      return d.status.name === 'COMPLETED' ? d : undefined;
    });
    const retry = await http.as(OFFICER, 'POST', '/projects', { body, headers: { 'idempotency-key': key } });
    expect(retry.status).toBe(200);
    expect(retry.body.id).toBe(first.body.id);
    const after = await handle.describe();
    expect(after.runId).toBe(ended.runId);
    expect(after.status.name).toBe('COMPLETED');
  });
});
