import { Alert, Col, Descriptions, Row } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { Loading, Money, StatusBadge } from '../../components/bits';
import { formatDate } from '../../lib/format';
import { hasRole, useMe, type Me } from '../../lib/session';
import { useWatchedProject, type ProjectDetail } from '../../lib/watch';
import { Information } from './Information';
import { NextStep } from './NextStep';
import { Decisions, SynthesisSummary } from './Outcome';
import { ProcessStepper } from './ProcessStepper';
import { ProjectTimeline } from './ProjectTimeline';
import { SigningForm, SigningRecord } from './Signing';
import { TrackPanels } from './TrackPanels';
import { Withdraw } from './Withdraw';
import { WITHDRAWABLE } from './process';
import { OfficerTheme } from './OfficerTheme';
import './officer.css';

const CONTACT_ORDER = ['name', 'title', 'phone', 'email'];

/** The facts the officer gave, as the API holds them. */
function Facts({ project }: { project: ProjectDetail }) {
  const { t, i18n } = useTranslation('officer');
  const items: { key: string; label: string; children: ReactNode }[] = [
    { key: 'company', label: t('field.company'), children: project.company },
    { key: 'creditCode', label: t('field.creditCode'), children: project.creditCode ?? '' },
    { key: 'sector', label: t('field.sector'), children: t(`words:sector.${project.sector}`) },
    { key: 'source', label: t('field.source'), children: t(`words:source.${project.source}`) },
    { key: 'stage', label: t('field.stage'), children: project.stage ? t(`words:stage.${project.stage}`) : '' },
    { key: 'totalInvestment', label: t('field.totalInvestment'), children: <Money value={project.totalInvestment} /> },
    { key: 'expectedAnnualOutput', label: t('field.expectedAnnualOutput'), children: project.expectedAnnualOutput ? <Money value={project.expectedAnnualOutput} /> : '' },
    { key: 'landAreaMu', label: t('field.landAreaMu'), children: project.landAreaMu !== null ? t('facts.mu', { value: project.landAreaMu }) : '' },
    { key: 'headcount', label: t('field.headcount'), children: project.headcount !== null ? t('facts.people', { count: project.headcount }) : '' },
    { key: 'submitted', label: t('facts.submitted'), children: formatDate(project.createdAt) },
    { key: 'updated', label: t('facts.updated'), children: formatDate(project.updatedAt) },
    { key: 'policy', label: t('facts.policyVersion'), children: String(project.policyVersion) },
  ];
  const contact = project.contact ?? {};
  const contactKeys = [...CONTACT_ORDER.filter((k) => contact[k]), ...Object.keys(contact).filter((k) => !CONTACT_ORDER.includes(k) && contact[k])];
  for (const k of contactKeys) {
    items.push({ key: `contact.${k}`, label: i18n.exists(`officer:field.contact.${k}`) ? t(`field.contact.${k}`) : k, children: contact[k] });
  }
  return (
    <section className="officer-section" aria-labelledby="facts-title">
      <h2 id="facts-title">{t('facts.title')}</h2>
      <Descriptions size="small" column={{ xs: 1, md: 2 }} items={items.filter((i) => i.children !== '')} />
      <h3>{t('field.summary')}</h3>
      <p className="officer-prewrap">{project.summary}</p>
    </section>
  );
}

function ProjectView({ project, me }: { project: ProjectDetail; me: Me | null | undefined }) {
  const { t } = useTranslation('officer');
  const mine = project.submittedBy === me?.id;
  const manager = hasRole(me, 'manager');
  const canWithdraw = (mine || manager) && WITHDRAWABLE.has(project.status);
  const canSign = (mine || manager) && project.status === 'approved';
  const showReport = hasRole(me, 'manager', 'admin') && project.synthesis !== null;

  return (
    <>
      <header className="officer-project-head">
        <div>
          <h1>{project.name}</h1>
          <p className="officer-sub">
            <span>{project.company}</span>
            <span>{t(`words:sector.${project.sector}`)}</span>
            <Money value={project.totalInvestment} />
          </p>
        </div>
        <div className="officer-head-actions">
          {showReport && (
            <Link to={`/projects/${project.id}/report`} data-testid="report-link">
              {t('project.report')}
            </Link>
          )}
          {canWithdraw && <Withdraw projectId={project.id} />}
        </div>
      </header>
      <div className="officer-status-line">
        <span data-testid="project-status" data-status={project.status}>
          <StatusBadge status={project.status} />
        </span>
        <NextStep project={{ status: project.status, statusDetail: null }} mine={mine} />
      </div>
      {project.statusDetail && <Alert className="officer-detail-alert" type="info" showIcon title={project.statusDetail} data-testid="status-detail" />}
      <p className="muted officer-live">{t('common:live')}</p>

      <section className="officer-section" aria-labelledby="process-title">
        <h2 id="process-title">{t('project.process')}</h2>
        <ProcessStepper project={project} />
      </section>

      <Row gutter={[32, 0]}>
        <Col xs={24} lg={16}>
          {canSign && (
            <section className="officer-section officer-action" aria-labelledby="signing-title">
              <h2 id="signing-title">{t('signing.title')}</h2>
              <p className="muted">{t('signing.explain')}</p>
              <SigningForm project={project} />
            </section>
          )}
          <Information project={project} canAnswer={mine} />
          {project.signing && (
            <section className="officer-section" aria-labelledby="signed-title">
              <h2 id="signed-title">{t('signing.recorded')}</h2>
              <SigningRecord signing={project.signing} />
            </section>
          )}
          {project.decisions.length > 0 && (
            <section className="officer-section" aria-labelledby="decisions-title">
              <h2 id="decisions-title">{t('decision.title')}</h2>
              <Decisions decisions={project.decisions} />
            </section>
          )}
          {project.synthesis && (
            <section className="officer-section" aria-labelledby="synthesis-title">
              <h2 id="synthesis-title">{t('synthesis.title')}</h2>
              <SynthesisSummary synthesis={project.synthesis} />
            </section>
          )}
          <TrackPanels project={project} />
          <Facts project={project} />
        </Col>
        <Col xs={24} lg={8}>
          <ProjectTimeline projectId={project.id} />
        </Col>
      </Row>
    </>
  );
}

/** A project, kept live while open: header, process, what the caller has to do on it, panels, timeline. */
export default function ProjectPage() {
  const { id = '' } = useParams();
  const me = useMe().data;
  const project = useWatchedProject(id);
  return (
    <OfficerTheme>
      <div className="officer-page" data-testid="project-page">
        <Loading query={project}>{() => project.data && <ProjectView project={project.data} me={me} />}</Loading>
      </div>
    </OfficerTheme>
  );
}
