import { useTranslation } from 'react-i18next';
import { Money } from '../../components/bits';
import { formatDate } from '../../lib/format';
import type { ProjectDetail } from '../../lib/watch';
import type { Task } from './review-form';

/**
 * The left column: what the reviewer scores. The task's own summary of the project comes first;
 * the reviewer's view of the project (GET /projects/{id}) adds the rest once it has loaded.
 */
export function ProjectFacts({ task, project }: { task: Task; project: ProjectDetail | undefined }) {
  const { t } = useTranslation('reviewer');
  const basics = project ?? task.project;
  return (
    <section className="panel" data-testid="project-facts" aria-labelledby="facts-title">
      <h2 id="facts-title">{t('facts.title')}</h2>
      {!basics ? (
        <p className="muted">{t('facts.none')}</p>
      ) : (
        <dl className="facts">
          <dt>{t('facts.name')}</dt>
          <dd>{basics.name}</dd>
          <dt>{t('facts.company')}</dt>
          <dd>{basics.company}</dd>
          {project?.creditCode && (
            <>
              <dt>{t('facts.creditCode')}</dt>
              <dd>{project.creditCode}</dd>
            </>
          )}
          <dt>{t('facts.sector')}</dt>
          <dd>{t(`words:sector.${basics.sector}`)}</dd>
          <dt>{t('facts.totalInvestment')}</dt>
          <dd>
            <Money value={basics.totalInvestment} />
          </dd>
          {project?.expectedAnnualOutput && (
            <>
              <dt>{t('facts.expectedAnnualOutput')}</dt>
              <dd>
                <Money value={project.expectedAnnualOutput} />
              </dd>
            </>
          )}
          {project?.landAreaMu != null && (
            <>
              <dt>{t('facts.landArea')}</dt>
              <dd>{t('facts.mu', { n: project.landAreaMu })}</dd>
            </>
          )}
          {project?.headcount != null && (
            <>
              <dt>{t('facts.headcount')}</dt>
              <dd>{t('facts.people', { count: project.headcount })}</dd>
            </>
          )}
          {project && (
            <>
              <dt>{t('facts.source')}</dt>
              <dd>{t(`words:source.${project.source}`)}</dd>
            </>
          )}
          {project?.stage && (
            <>
              <dt>{t('facts.stage')}</dt>
              <dd>{t(`words:stage.${project.stage}`)}</dd>
            </>
          )}
          {project && (
            <>
              <dt>{t('facts.submitted')}</dt>
              <dd>{formatDate(project.createdAt)}</dd>
            </>
          )}
          {project?.contact && Object.keys(project.contact).length > 0 && (
            <>
              <dt>{t('facts.contact')}</dt>
              <dd>{Object.values(project.contact).filter(Boolean).join(' · ')}</dd>
            </>
          )}
          <dt>{t('facts.summary')}</dt>
          <dd className="summary-text">{basics.summary}</dd>
        </dl>
      )}
      {project && project.information.length > 0 && <Questions rounds={project.information} />}
    </section>
  );
}

/** The managers' questions to the officer and the officer's answers, as the reviewer may read them. */
function Questions({ rounds }: { rounds: ProjectDetail['information'] }) {
  const { t } = useTranslation('reviewer');
  return (
    <>
      <h3 className="facts-subtitle">{t('facts.questions')}</h3>
      {rounds.map((round) => (
        <div key={round.round} className="qa-round">
          <p className="muted">{t('facts.questionRound', { n: round.round, date: formatDate(round.requestedAt) })}</p>
          <ol>
            {round.questions.map((q, i) => (
              <li key={i}>
                <div>{q}</div>
                <div className="muted">{round.answers[i] ?? t('facts.notAnswered')}</div>
              </li>
            ))}
          </ol>
        </div>
      ))}
    </>
  );
}
