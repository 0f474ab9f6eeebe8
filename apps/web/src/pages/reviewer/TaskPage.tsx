import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Tag } from 'antd';
import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api, ApiFailure, fieldProblems, unwrap } from '../../api/client';
import { Due, failureText, Loading } from '../../components/bits';
import { useMe } from '../../lib/session';
import { useWatchedProject } from '../../lib/watch';
import { DeclineDialog } from './DeclineDialog';
import { ProjectFacts } from './ProjectFacts';
import { clockTime, fromDraft, retryWhileAssigning, stillBeingAssigned, toDraft, toReview, type Criterion, type ReviewState, type Task } from './review-form';
import { RiskPoints } from './RiskPoints';
import { RubricScores } from './RubricScores';
import { ClosedTask, SubmittedReview } from './SubmittedReview';
import { useAutosave, type SaveState } from './useAutosave';
import { Verdict } from './Verdict';
import './reviewer.css';

/** "saving… / saved at 14:05", announced politely to screen readers. */
function DraftStatus({ state, onRetry }: { state: SaveState; onRetry: () => void }) {
  const { t } = useTranslation('reviewer');
  const { t: tc } = useTranslation('common');
  const text = {
    idle: () => t('draft.idle'),
    restored: () => t('draft.restored', { time: state.kind === 'restored' ? clockTime(state.at) : '' }),
    saving: () => t('draft.saving'),
    saved: () => t('draft.saved', { time: state.kind === 'saved' ? clockTime(state.at) : '' }),
    failed: () => t('draft.failed', { reason: state.kind === 'failed' ? failureText(state.error, tc) : '' }),
  }[state.kind]();
  return (
    <span className="draft-status-wrap">
      <span data-testid="draft-status" data-state={state.kind} aria-live="polite" className={state.kind === 'failed' ? 'draft-status draft-status-error' : 'draft-status'}>
        {text}
      </span>
      {state.kind === 'failed' && (
        <Button size="small" onClick={onRetry} style={{ marginLeft: 8 }}>
          {t('draft.retry')}
        </Button>
      )}
    </span>
  );
}

/** Every problem of a refused review, each a link to its field, so nothing is missed on a long page. */
function ProblemSummary({ problems, criteria, rowOf }: { problems: Map<string, string[]>; criteria: Criterion[]; rowOf: number[] }) {
  const { t } = useTranslation('reviewer');
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), [problems]);
  const where = (field: string): { label: string; anchor?: string } => {
    const [head, second, third] = field.split('.');
    if (head === 'scores' && second) return { label: criteria.find((c) => c.key === second)?.label ?? second, anchor: `criterion-${second}` };
    if (head === 'riskPoints' && second !== undefined && /^\d+$/.test(second)) {
      const row = rowOf[Number(second)] ?? Number(second);
      return { label: `${t('risks.item', { n: row + 1 })}${third ? ` · ${t(`risks.${third}`, { defaultValue: third })}` : ''}`, anchor: 'risks-title' };
    }
    if (head === 'recommendation') return { label: t('verdict.recommendation'), anchor: 'field-recommendation' };
    if (head === 'comments') return { label: t('verdict.comments'), anchor: 'review-comments' };
    if (head === 'coInvestment') return { label: t('coInvestment.title'), anchor: 'field-coInvestment' };
    return { label: field };
  };
  return (
    <div ref={box} tabIndex={-1} className="problem-summary">
      <Alert
        type="error"
        role="alert"
        title={t('submit.problems', { count: problems.size })}
        description={
          <ul>
            {[...problems].map(([field, list]) => {
              const { label, anchor } = where(field);
              return (
                <li key={field}>
                  {anchor ? <a href={`#${anchor}`}>{label}</a> : label}
                  {t('submit.colon')}
                  {list.join(' ')}
                </li>
              );
            })}
          </ul>
        }
      />
    </div>
  );
}

/** The review in progress: the rubric, risk points, recommendation, endorsement; autosaved, then submitted. */
/**
 * The browser scrolls a focused field into the window, not out from under the sticky submit bar:
 * a field the keyboard reaches behind the bar is scrolled up above it.
 */
function useFocusAboveBar(bar: RefObject<HTMLDivElement | null>) {
  useEffect(() => {
    const onFocus = (event: FocusEvent) => {
      const el = event.target instanceof HTMLElement ? event.target : null;
      if (!el || !bar.current || bar.current.contains(el) || !el.closest('.task-main')) return;
      const box = (el.closest('label') ?? el).getBoundingClientRect();
      const top = bar.current.getBoundingClientRect().top;
      if (box.bottom > top - 8) window.scrollBy({ top: box.bottom - top + 24 });
    };
    document.addEventListener('focusin', onFocus);
    return () => document.removeEventListener('focusin', onFocus);
  }, [bar]);
}

/**
 * Unscored criteria and a missing recommendation, as the API would name them (`scores.<key>`,
 * `recommendation`); status 0 marks a refusal that never left the page.
 */
function localProblems(state: ReviewState, criteria: Criterion[], t: (key: string) => string): ApiFailure | null {
  const details = criteria.filter((c) => state.scores[c.key] === undefined).map((c) => ({ field: `scores.${c.key}`, problem: t('rubric.unscored') }));
  if (!state.recommendation) details.push({ field: 'recommendation', problem: t('verdict.choose') });
  return details.length ? new ApiFailure(0, { statusCode: 400, error: 'Bad Request', message: t('submit.incomplete'), details }) : null;
}

/** What the decline dialog needs of the editor: stop autosaving while declining, start again if it failed. */
interface SavingControls {
  stop: () => Promise<unknown>;
  resume: () => void;
}

function ReviewEditor({ task, criteria, onSubmitted, controls }: { task: Task; criteria: Criterion[]; onSubmitted: () => void; controls: RefObject<SavingControls> }) {
  const { t } = useTranslation('reviewer');
  const { t: tc } = useTranslation('common');
  const client = useQueryClient();
  const vc = task.track === 'vc';
  const [state, setState] = useState<ReviewState>(() => fromDraft(task.draft, criteria));
  const latest = useRef(state);
  const autosave = useAutosave(task.id, task.draft?.savedAt);
  const [rowOf, setRowOf] = useState<number[]>([]);
  const [waiting, setWaiting] = useState(0);
  const bar = useRef<HTMLDivElement>(null);
  useFocusAboveBar(bar);

  const { stop, resume, change } = autosave;
  useEffect(() => {
    controls.current = {
      stop,
      resume: () => {
        resume();
        change(toDraft(latest.current, vc));
      },
    };
  }, [controls, stop, resume, change, vc]);

  const update = (patch: Partial<ReviewState>) => {
    const next = { ...latest.current, ...patch };
    latest.current = next;
    setState(next);
    autosave.change(toDraft(next, vc));
  };

  const submit = useMutation({
    mutationFn: async () => {
      // What the page itself knows is missing is said at once, all of it, before the API is asked.
      const unanswered = localProblems(latest.current, criteria, t);
      if (unanswered) throw unanswered;
      await autosave.stop();
      const review = toReview(latest.current, vc);
      setRowOf(review.rowOf);
      return retryWhileAssigning(() => unwrap(api.POST('/tasks/{id}/review', { params: { path: { id: task.id } }, body: review.body })), setWaiting);
    },
    onSuccess: async () => {
      onSubmitted();
      await Promise.all([
        client.invalidateQueries({ queryKey: ['task', task.id] }),
        client.invalidateQueries({ queryKey: ['tasks'] }),
        client.invalidateQueries({ queryKey: ['project', task.projectId] }),
      ]);
    },
    onError: (error) => {
      if (error instanceof ApiFailure && error.status === 0) return;
      // Not submitted: the draft on the server is still there; keep saving changes to it.
      autosave.resume();
      autosave.change(toDraft(latest.current, vc));
    },
    onSettled: () => setWaiting(0),
  });

  const problems = fieldProblems(submit.error);
  const problemsOf = (field: string) => problems.get(field);
  const riskProblems = (row: number, field: string) => {
    const sent = rowOf.indexOf(row);
    return sent < 0 ? undefined : problems.get(`riskPoints.${sent}.${field}`);
  };

  return (
    <>
      <RubricScores criteria={criteria} scores={state.scores} problems={problems} onChange={(key, score) => update({ scores: { ...latest.current.scores, [key]: score } })} />
      <RiskPoints rows={state.riskPoints} problemsOf={riskProblems} onChange={(riskPoints) => update({ riskPoints })} />
      <Verdict state={state} vc={vc} problemsOf={problemsOf} onChange={update} />
      {problems.size > 0 && <ProblemSummary problems={problems} criteria={criteria} rowOf={rowOf} />}
      {waiting > 0 && <Alert type="info" role="status" title={t('assigning.waiting')} />}
      {submit.error && problems.size === 0 && (
        <Alert type="error" role="alert" title={stillBeingAssigned(submit.error) ? t('assigning.gaveUp') : failureText(submit.error, tc)} />
      )}
      {/* Kept in view at the bottom of the window: where the draft stands, and the way to submit. */}
      <div className="submit-bar" ref={bar}>
        <div className="actions">
          <Button type="primary" size="large" data-testid="submit-review" loading={submit.isPending} onClick={() => submit.mutate()}>
            {t('submit.button')}
          </Button>
          <DraftStatus state={autosave.state} onRetry={autosave.retry} />
        </div>
      </div>
    </>
  );
}

function TaskHeader({ task, decline }: { task: Task; decline: ReactNode }) {
  const { t } = useTranslation('reviewer');
  return (
    <div className="task-head">
      <div className="task-meta">
        {task.project && <span>{task.project.company}</span>}
        <Tag>{t(`words:track.${task.track}`)}</Tag>
        <span>{t('round', { n: task.round + 1 })}</span>
        <Tag color={task.status === 'open' ? 'blue' : 'default'} data-status={task.status}>
          {t(`words:taskStatus.${task.status}`)}
        </Tag>
        {task.status === 'open' && (
          <Due at={task.dueAt} />
        )}
      </div>
      {decline}
    </div>
  );
}

function TaskView({ task }: { task: Task }) {
  const navigate = useNavigate();
  const { t } = useTranslation('reviewer');
  const client = useQueryClient();
  const me = useMe().data;
  const project = useWatchedProject(task.projectId);
  const [submitted, setSubmitted] = useState(false);
  const controls = useRef<SavingControls>({ stop: async () => undefined, resume: () => undefined });
  const criteria = task.rubric.criteria as Criterion[];
  const mine = me?.id === task.assignee.id;
  const editable = mine && task.status === 'open';

  // The project moved (withdrawn, the task cancelled or reassigned): read the task again.
  const seen = useRef<unknown>(undefined);
  useEffect(() => {
    if (!project.data) return;
    if (seen.current !== undefined && seen.current !== project.data) void client.invalidateQueries({ queryKey: ['task', task.id] });
    seen.current = project.data;
  }, [project.data, client, task.id]);

  const decline = editable ? (
    <DeclineDialog task={task} onDeclining={() => controls.current.stop()} onFailed={() => controls.current.resume()} />
  ) : null;

  return (
    <>
      <TaskHeader task={task} decline={decline} />
      {submitted && task.status !== 'open' && (
        <Alert
          type="success"
          role="status"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('submit.done')}
          action={
            <Button size="small" onClick={() => navigate('/tasks')}>
              {t('task.back')}
            </Button>
          }
        />
      )}
      <div className="task-layout">
        <ProjectFacts task={task} project={project.data} />
        <div className="task-main">
          {editable ? (
            <ReviewEditor task={task} criteria={criteria} onSubmitted={() => setSubmitted(true)} controls={controls} />
          ) : task.review ? (
            <SubmittedReview review={task.review} criteria={criteria} />
          ) : task.status === 'open' ? (
            <Alert type="info" showIcon title={t('task.notYours', { name: task.assignee.name })} />
          ) : (
            <ClosedTask task={task} />
          )}
        </div>
      </div>
    </>
  );
}

/** One review task: the project's facts on the left, the rubric and the rest of the review on the right. */
export default function TaskPage() {
  const { t } = useTranslation('reviewer');
  const { id = '' } = useParams();
  const query = useQuery({ queryKey: ['task', id], queryFn: () => unwrap(api.GET('/tasks/{id}', { params: { path: { id } } })) });
  return (
    <section className="reviewer-page" data-testid="task-page">
      <p className="back-link">
        <Link to="/tasks">← {t('task.back')}</Link>
      </p>
      <h1>{query.data?.project?.name ?? t('task.title')}</h1>
      <Loading query={query}>{() => <TaskView key={query.data!.id} task={query.data!} />}</Loading>
    </section>
  );
}
