import { createContext, useContext } from 'react';
import { Collapse, Table, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../api/client';
import { Due, Money } from '../../components/bits';
import { formatDate } from '../../lib/format';
import type { ProjectDetail } from '../../lib/watch';
import { TRACKS, type Track } from './process';

type Panel = Schemas['TrackPanel'];
type Task = Panel['tasks'][number];
type Review = Schemas['Review'];

const PANEL_COLORS: Record<Panel['status'], string> = { pending: 'default', in_review: 'processing', complete: 'success', short_of_quorum: 'error' };

function TaskTable({ tasks }: { tasks: Task[] }) {
  const { t } = useTranslation('officer');
  const named = tasks.some((task) => task.assignee);
  const columns: TableColumnsType<Task> = [
    { title: t('panel.col.slot'), key: 'slot', render: (_, task) => t('panel.slot', { n: task.slot + 1 }) },
    ...(named ? [{ title: t('panel.col.reviewer'), key: 'reviewer', render: (_: unknown, task: Task) => task.assignee?.name ?? '' }] : []),
    { title: t('panel.col.status'), key: 'status', render: (_, task) => t(`words:taskStatus.${task.status}`) },
    {
      title: t('panel.col.due'),
      key: 'due',
      render: (_, task) => (task.status === 'open' ? <Due at={task.dueAt} /> : <time dateTime={task.dueAt}>{formatDate(task.dueAt)}</time>),
    },
    { title: t('panel.col.closed'), key: 'closed', render: (_, task) => (task.closedAt ? <time dateTime={task.closedAt}>{formatDate(task.closedAt)}</time> : '') },
  ];
  if (tasks.length === 0) return <p className="muted">{t('panel.noTasks')}</p>;
  return <Table<Task> size="small" rowKey="id" columns={columns} dataSource={tasks} pagination={false} />;
}

/** Criterion key → its label in the reader's language (the project's `criteria`, from the API). */
const CriterionLabels = createContext<Record<string, string>>({});

function ReviewCard({ review, reviewer }: { review: Review; reviewer: string | null }) {
  const { t } = useTranslation('officer');
  const labels = useContext(CriterionLabels);
  const scores = Object.entries(review.scores);
  return (
    <article className="officer-review" data-testid="review">
      <div className="officer-review-head">
        <strong>{t(`words:recommendation.${review.recommendation}`)}</strong>
        {reviewer && <span>{reviewer}</span>}
        <time className="muted" dateTime={review.submittedAt}>
          {formatDate(review.submittedAt)}
        </time>
      </div>
      {scores.length > 0 && (
        <dl className="officer-scores" aria-label={t('panel.scores')}>
          {scores.map(([criterion, score]) => (
            <div key={criterion}>
              <dt>{labels[criterion] ?? criterion}</dt>
              <dd>{t('panel.score', { score })}</dd>
            </div>
          ))}
        </dl>
      )}
      {review.comments && <p className="officer-prewrap">{review.comments}</p>}
      {review.riskPoints.length > 0 && (
        <ul className="officer-risks" aria-label={t('panel.risks')}>
          {review.riskPoints.map((r, i) => (
            <li key={i}>
              <Tag>{t('panel.severity', { severity: t(`words:severity.${r.severity}`) })}</Tag> <strong>{r.category}</strong> {r.description}
            </li>
          ))}
        </ul>
      )}
      {review.coInvestment && (
        <p>
          {review.coInvestment.willing ? t('panel.coInvestYes') : t('panel.coInvestNo')}
          {review.coInvestment.amount && (
            <>
              {' '}
              <Money value={review.coInvestment.amount} />
            </>
          )}
        </p>
      )}
    </article>
  );
}

/** The tasks and reviews of one round of a track; reviewers are named only when the API names them. */
function Round({ tasks, reviews }: { tasks: Task[]; reviews: Review[] }) {
  const { t } = useTranslation('officer');
  const nameOf = (review: Review) => tasks.find((task) => task.id === review.taskId)?.assignee?.name ?? null;
  return (
    <>
      <TaskTable tasks={tasks} />
      {reviews.length > 0 ? (
        <div className="officer-reviews">
          {reviews.map((r) => (
            <ReviewCard key={r.id} review={r} reviewer={nameOf(r)} />
          ))}
        </div>
      ) : (
        <p className="muted">{t('panel.noReviews')}</p>
      )}
    </>
  );
}

function PanelView({ track, panel }: { track: Track; panel: Panel }) {
  const { t } = useTranslation('officer');
  return (
    <section className="officer-track" data-testid={`track-${track}`} aria-labelledby={`track-${track}-title`}>
      <h3 id={`track-${track}-title`}>{t(`words:track.${track}`)}</h3>
      <p className="officer-track-line">
        <Tag color={PANEL_COLORS[panel.status]}>{t(`panel.status.${panel.status}`)}</Tag>
        <span>{t('panel.progress', { submitted: panel.submitted, required: panel.required })}</span>
        <span className="muted">{t('panel.round', { n: panel.round + 1 })}</span>
      </p>
      <Round tasks={panel.tasks} reviews={panel.reviews} />
      {panel.earlierRounds && panel.earlierRounds.length > 0 && (
        <Collapse
          size="small"
          items={panel.earlierRounds.map((r) => ({
            key: r.round,
            label: `${t('panel.round', { n: r.round + 1 })} · ${t(`panel.status.${r.status}`)} · ${t('panel.submittedCount', { count: r.submitted })}`,
            children: <Round tasks={r.tasks} reviews={r.reviews} />,
          }))}
        />
      )}
    </section>
  );
}

/** The review tracks as the caller's view of the project holds them. */
export function TrackPanels({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation('officer');
  const present = TRACKS.filter((track) => project.tracks[track]);
  return (
    <CriterionLabels.Provider value={project.criteria}>
      <section className="officer-section" aria-labelledby="tracks-title" data-testid="tracks">
        <h2 id="tracks-title">{t('panel.title')}</h2>
        {present.length === 0 ? <p className="muted">{t('panel.none')}</p> : present.map((track) => <PanelView key={track} track={track} panel={project.tracks[track]!} />)}
      </section>
    </CriterionLabels.Provider>
  );
}
