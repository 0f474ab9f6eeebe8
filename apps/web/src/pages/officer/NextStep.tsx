import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../api/client';
import { nextStep } from './process';

/** What happens next to a project, who holds it, and why it is where it is when the API says. */
export function NextStep({ project, mine }: { project: Pick<Schemas['ProjectSummary'], 'status' | 'statusDetail'>; mine: boolean }) {
  const { t } = useTranslation('officer');
  const next = nextStep(project.status, mine);
  return (
    <div className="officer-next">
      <span>{t(`next.what.${next.what}`)}</span>
      {next.who && <span className="muted">{t('next.heldBy', { who: t(`next.who.${next.who}`) })}</span>}
      {project.statusDetail && <span className="muted officer-detail">{project.statusDetail}</span>}
    </div>
  );
}
