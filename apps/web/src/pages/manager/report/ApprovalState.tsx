import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { Money } from '../../../components/bits';
import { formatDateTime } from '../../../lib/format';
import type { Me } from '../../../lib/session';
import type { ProjectDetail } from '../../../lib/watch';
import { ToneTag } from '../tags';
import { personLabel, type Person } from './data';

/**
 * Whether the project needs two managers' go (its total investment against the dual-approval
 * threshold of the policy it runs under), who approved first, and every decision recorded so far.
 */
export default function ApprovalState({ project, people, me }: { project: ProjectDetail; people: Map<string, Person>; me: Me }) {
  const { t } = useTranslation('manager');
  const threshold = project.policy.dualApprovalThreshold;
  const dual = project.totalInvestment.amount >= threshold.amount;
  const first = project.status === 'awaiting_second_approval' ? project.decisions.at(-1) : undefined;
  const nameOf = (id: string) => (id === me.id ? t('decide.you') : (personLabel(people, id) ?? t('decide.aManager')));

  return (
    <div data-testid="approval-state" data-dual={dual} className="manager-approval">
      <h3>{t('decide.approval.title')}</h3>
      <p>
        <ToneTag tone={dual ? 'info' : 'plain'}>{dual ? t('decide.approval.required') : t('decide.approval.notRequired')}</ToneTag>{' '}
        {t('decide.approval.threshold')} <Money value={threshold} />
      </p>
      {first && (
        <Alert
          type="info"
          showIcon
          data-testid="first-approval"
          title={t('decide.approval.firstBy', { name: nameOf(first.managerId), date: formatDateTime(first.decidedAt) })}
          description={first.managerId === me.id ? t('decide.approval.notYouAgain') : t('decide.approval.needsSecond')}
        />
      )}
      {project.decisions.length > 0 && (
        <>
          <h3>{t('decide.history')}</h3>
          <ol className="manager-list" data-testid="decision-history">
            {project.decisions.map((d) => (
              <li key={d.seq} data-outcome={d.outcome}>
                <strong>{t(`words:decision.${d.outcome}`)}</strong> · {nameOf(d.managerId)} · {formatDateTime(d.decidedAt)}
                <div className="manager-prose">{d.rationale}</div>
                {d.conditions.length > 0 && (
                  <div>
                    <span className="muted">{t('decide.conditions')}: </span>
                    {d.conditions.join(t('report.listSeparator'))}
                  </div>
                )}
                {d.questions.length > 0 && (
                  <div>
                    <span className="muted">{t('decide.questions')}: </span>
                    {d.questions.join(t('report.listSeparator'))}
                  </div>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
