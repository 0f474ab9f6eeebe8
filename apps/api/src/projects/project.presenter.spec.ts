import type { DecisionEntity, InformationResponseEntity, ReviewTaskEntity } from '@dueflow/persistence';
import { informationRounds, presentInformation, statusDetailFor } from './project.presenter';

const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 9, minute));

function decision(seq: number, outcome: DecisionEntity['outcome'], reopenTracks: DecisionEntity['reopenTracks'] = [], questions = [`q${seq}`]): DecisionEntity {
  return { id: `d${seq}`, projectId: 'p', seq, managerId: 'manager', outcome, rationale: 'r', conditions: [], questions, reopenTracks, decidedAt: at(seq) };
}

function answer(round: number, answers: string[]): InformationResponseEntity {
  return { id: `a${round}`, projectId: 'p', round, questions: [`asked ${round}`], answers, answeredBy: 'officer', answeredAt: at(10 + round) };
}

const task = (track: ReviewTaskEntity['track'], round: number) => ({ track, round }) as ReviewTaskEntity;

describe('information rounds', () => {
  // Round 1 re-opened vc, round 2 re-opened expert and vc, round 3 is still open.
  const decisions = [decision(1, 'request_info', ['vc']), decision(2, 'request_info', ['expert', 'vc']), decision(3, 'go'), decision(4, 'request_info')];
  const rounds = informationRounds(decisions, [answer(2, ['second']), answer(1, ['first'])]);

  it('numbers the request_info decisions in order and pairs each with its answers', () => {
    expect(rounds.map((r) => [r.round, r.questions, r.answers, r.reopenTracks, r.answeredBy])).toEqual([
      [1, ['asked 1'], ['first'], ['vc'], 'officer'],
      [2, ['asked 2'], ['second'], ['expert', 'vc'], 'officer'],
      [3, ['q4'], [], [], null],
    ]);
    expect(rounds[2]).toMatchObject({ requestedAt: at(4), requestedBy: 'manager', answeredAt: null });
  });

  it('shows the officer and managers every round with who asked and answered', () => {
    for (const part of ['officer', 'manager', 'admin'] as const) {
      expect(presentInformation(rounds, part, []).map((r) => [r.round, r.requestedBy, r.answeredBy])).toEqual([
        [1, 'manager', 'officer'],
        [2, 'manager', 'officer'],
        [3, 'manager', null],
      ]);
    }
  });

  it('shows a reviewer of a re-opened round the rounds up to the one that opened it, without who', () => {
    const shown = (tasks: ReviewTaskEntity[]) => presentInformation(rounds, 'reviewer', tasks).map((r) => r.round);
    expect(shown([task('vc', 0), task('expert', 0)])).toEqual([]);
    expect(shown([task('vc', 1)])).toEqual([1]);
    expect(shown([task('vc', 2)])).toEqual([1, 2]);
    // The expert track's first re-opening was information round 2.
    expect(shown([task('expert', 1)])).toEqual([1, 2]);
    expect(presentInformation(rounds, 'reviewer', [task('vc', 1)])[0]).not.toHaveProperty('requestedBy');
    expect(presentInformation(rounds, 'reviewer', [task('vc', 1)])[0]).not.toHaveProperty('answeredBy');
    expect(presentInformation(rounds, 'none', [task('vc', 2)])).toEqual([]);
  });
});

describe('statusDetailFor', () => {
  const failed = 'step synthesis_completed failed: new row for relation "syntheses" violates check constraint "guard"; an admin can resume it';

  it('gives managers and admins the whole detail, the officer a failed step without its technical cause, a reviewer nothing', () => {
    expect(statusDetailFor('manager', failed)).toBe(failed);
    expect(statusDetailFor('admin', failed)).toBe(failed);
    expect(statusDetailFor('officer', failed)).toBe('step synthesis_completed failed; an admin can resume it');
    expect(statusDetailFor('officer', 'step reviewers_assigned (expert) failed: boom; nothing was changed, the action can be sent again')).toBe(
      'step reviewers_assigned (expert) failed; nothing was changed, the action can be sent again',
    );
    expect(statusDetailFor('reviewer', 'the vc track cannot reach its quorum (0 of 1 reviews): no eligible reviewer is left')).toBeNull();
    expect(statusDetailFor('officer', 'not signed before the signing deadline')).toBe('not signed before the signing deadline');
    expect(statusDetailFor('officer', null)).toBeNull();
  });
});
