import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Money, StatusBadge } from '../../../components/bits';
import type { ProjectDetail } from '../../../lib/watch';

/** The project the report is about: name, company, sector, amount, status (live). */
export default function Header({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation('manager');
  return (
    <header className="manager-report-header">
      <p className="muted manager-kicker">{t('report.kicker')}</p>
      <h1>{project.name}</h1>
      <div className="manager-header-facts">
        <span>{project.company}</span>
        <span>{t(`words:sector.${project.sector}`)}</span>
        <span>
          {t('report.amount')} <Money value={project.totalInvestment} />
        </span>
        <StatusBadge status={project.status} />
        <Link to={`/projects/${project.id}`} data-testid="project-link">
          {t('report.projectPage')}
        </Link>
      </div>
      <p className="muted manager-hint">{t('common:live')}</p>
      {project.statusDetail && <Alert type="warning" showIcon title={project.statusDetail} data-testid="status-detail" />}
    </header>
  );
}
