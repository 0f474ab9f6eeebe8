import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ApiFailure } from '../../api/client';
import { Loading } from '../../components/bits';
import { hasRole, useMe } from '../../lib/session';
import { useWatchedProject, type ProjectDetail } from '../../lib/watch';
import CriteriaTable from './report/CriteriaTable';
import { usePeople, useReport, useRubrics, type Criterion, type Person, type Track } from './report/data';
import DecidePanel from './report/DecidePanel';
import Endorsements from './report/Endorsements';
import Forecast from './report/Forecast';
import Header from './report/Header';
import Information from './report/Information';
import Reviews from './report/Reviews';
import RiskPoints from './report/RiskPoints';
import Rules from './report/Rules';
import { Recommendation, Verdict } from './report/Summary';
import TrackScores from './report/TrackScores';
import './manager.css';

/**
 * The synthesis report (第三方综合评估报告) made to be read, then the decision on it. The project is
 * watched, so the status, the report and the panel follow the process without a reload.
 */
export default function Report() {
  const { id = '' } = useParams();
  const project = useWatchedProject(id);
  const me = useMe().data;
  const staff = hasRole(me, 'manager', 'admin');
  const people = usePeople(project.data, staff);
  const rubrics = useRubrics(project.data, staff);
  const { t } = useTranslation('manager');
  return (
    <div className="manager-page" data-testid="report">
      {!project.data && <h1>{t('report.kicker')}</h1>}
      <Loading query={project}>
        {() =>
          project.data && (
            <>
              <Header project={project.data} />
              <ReportBody project={project.data} people={people} rubrics={rubrics} />
              {me && hasRole(me, 'manager') && <DecidePanel project={project.data} people={people} me={me} />}
            </>
          )
        }
      </Loading>
    </div>
  );
}

function ReportBody({ project, people, rubrics }: { project: ProjectDetail; people: Map<string, Person>; rubrics: Partial<Record<Track, Criterion[]>> }) {
  const { t } = useTranslation('manager');
  const report = useReport(project.id);
  if (report.error instanceof ApiFailure && report.error.status === 409) {
    return <Alert type="info" showIcon data-testid="report-not-ready" title={t('report.notReady', { status: t(`words:status.${project.status}`) })} />;
  }
  return (
    <Loading query={report}>
      {() =>
        report.data && (
          <>
            <Verdict report={report.data} />
            <TrackScores report={report.data} />
            <CriteriaTable project={project} rubrics={rubrics} />
            <RiskPoints report={report.data} people={people} />
            <Endorsements report={report.data} people={people} />
            <Forecast report={report.data} project={project} />
            <Rules report={report.data} />
            <Recommendation report={report.data} />
            <Information report={report.data} />
            <Reviews project={project} people={people} rubrics={rubrics} />
          </>
        )
      }
    </Loading>
  );
}
