import { EventViewer, StoredEvent, projectEvent } from './timeline-projection';

const ME = 'reviewer-me';
const OTHER = 'reviewer-other';
const MANAGER = 'manager-1';
const OFFICER = 'officer-1';

const as = (part: EventViewer['part'], ownTaskIds: string[] = []): EventViewer => ({ part, id: part === 'officer' ? OFFICER : ME, ownTaskIds: new Set(ownTaskIds) });

const assigned: StoredEvent = {
  type: 'reviewers_assigned',
  actorId: null,
  data: {
    track: 'expert',
    round: 0,
    assigned: [
      { taskId: 't-me', reviewerId: ME, slot: 0, attempt: 0 },
      { taskId: 't-other', reviewerId: OTHER, slot: 1, attempt: 0 },
    ],
    considered: [{ reviewerId: ME, name: 'Me', openTasks: 1, maxOpenTasks: 5, sectorMatch: true }],
    excluded: [{ reviewerId: 'r-x', name: 'Conflicted', reason: 'conflict_of_interest' }],
    shortfall: 0,
    dueAt: '2026-12-20T00:00:00.000Z',
  },
};
const declined: StoredEvent = { type: 'task_declined', actorId: OTHER, data: { taskId: 't-other', track: 'expert', reason: 'I consult for them', conflictOfInterest: true, requestId: 'r1' } };
const submittedByMe: StoredEvent = { type: 'review_submitted', actorId: ME, data: { taskId: 't-me', track: 'expert', requestId: 'r2' } };
const submittedByOther: StoredEvent = { type: 'review_submitted', actorId: OTHER, data: { taskId: 't-other', track: 'vc', requestId: 'r3' } };
const reminderForOther: StoredEvent = { type: 'reminder_sent', actorId: null, data: { taskId: 't-other', track: 'expert', reviewerId: OTHER, dueAt: 'x' } };
const cancelled: StoredEvent = { type: 'tasks_cancelled', actorId: null, data: { taskIds: ['t-me', 't-other'], reason: 'quorum reached' } };
const decision: StoredEvent = { type: 'decision_recorded', actorId: MANAGER, data: { outcome: 'request_info', rationale: 'why', reopenTracks: ['vc'], requestId: 'r4' } };
const signed: StoredEvent = { type: 'signed', actorId: OFFICER, data: { signedAt: 'x', agreedInvestment: { amount: 1, currency: 'CNY' } } };
const escalated: StoredEvent = { type: 'decision_escalated', actorId: null, data: {} };
const unknown: StoredEvent = { type: 'step_failed_someday', actorId: null, data: { anything: 'secret' } };
const prototypeKey: StoredEvent = { type: 'constructor', actorId: null, data: { anything: 'secret' } };

const everything = [assigned, declined, submittedByMe, submittedByOther, reminderForOther, cancelled, decision, signed, escalated, unknown, prototypeKey];

describe('projectEvent', () => {
  it('shows managers and admins every event exactly as recorded', () => {
    for (const part of ['manager', 'admin'] as const) {
      for (const event of everything) expect(projectEvent(event, as(part))).toEqual({ data: event.data, showActor: true });
    }
  });

  it('shows the officer an assignment as a milestone with a count, never the pool or who', () => {
    expect(projectEvent(assigned, as('officer'))).toEqual({
      data: { track: 'expert', round: 0, shortfall: 0, dueAt: '2026-12-20T00:00:00.000Z', count: 2 },
      showActor: true,
    });
  });

  it('hides from the officer declines and their reasons, reminders, cancellations, escalations and unknown types', () => {
    for (const event of [declined, reminderForOther, cancelled, escalated, unknown, prototypeKey]) expect(projectEvent(event, as('officer'))).toBeNull();
  });

  it('keeps a submitted review anonymous to the officer, and drops request ids', () => {
    expect(projectEvent(submittedByOther, as('officer'))).toEqual({ data: { track: 'vc' }, showActor: false });
    expect(projectEvent(decision, as('officer'))).toEqual({ data: { outcome: 'request_info', rationale: 'why', reopenTracks: ['vc'] }, showActor: true });
    expect(projectEvent(signed, as('officer'))?.data).toEqual(signed.data);
  });

  it('shows a reviewer their own part only', () => {
    const me = as('reviewer', ['t-me']);
    expect(projectEvent(assigned, me)).toEqual({ data: { track: 'expert', round: 0, dueAt: '2026-12-20T00:00:00.000Z', taskIds: ['t-me'] }, showActor: true });
    expect(projectEvent(submittedByMe, me)).toEqual({ data: { taskId: 't-me', track: 'expert' }, showActor: true });
    expect(projectEvent(cancelled, me)).toEqual({ data: { taskIds: ['t-me'], reason: 'quorum reached' }, showActor: true });
    for (const event of [declined, submittedByOther, reminderForOther, decision, signed, escalated, unknown, prototypeKey]) expect(projectEvent(event, me)).toBeNull();
    // An assignment that did not name them is not theirs.
    expect(projectEvent({ ...assigned, data: { ...assigned.data, assigned: [{ taskId: 't-other', reviewerId: OTHER }] } }, me)).toBeNull();
  });

  it('shows someone out of the project nothing', () => {
    for (const event of everything) expect(projectEvent(event, as('none'))).toBeNull();
  });
});
