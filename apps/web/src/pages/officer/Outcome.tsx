import { Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Money } from '../../components/bits';
import { formatDateTime } from '../../lib/format';
import type { ProjectDetail } from '../../lib/watch';
import { TRACKS } from './process';

type Synthesis = NonNullable<ProjectDetail['synthesis']>;

/** The synthesis report's headline, as the project's view carries it (managers read the whole report on its own page). */
export function SynthesisSummary({ synthesis }: { synthesis: Synthesis }) {
  const { t } = useTranslation('officer');
  const score = (n: number | null) => (n === null ? t('synthesis.noScore') : t('synthesis.scoreOf', { score: n.toFixed(2) }));
  return (
    <>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'overall', label: t('synthesis.overall'), children: score(synthesis.overallScore) },
          { key: 'recommendation', label: t('synthesis.recommendation'), children: <strong>{t(`words:recommendation.${synthesis.recommendation}`)}</strong> },
          ...TRACKS.map((track) => ({
            key: track,
            label: t(`words:track.${track}`),
            children:
              synthesis.trackScores[track].status === 'quorum_failed'
                ? t('panel.status.short_of_quorum')
                : `${score(synthesis.trackScores[track].score)} · ${t('synthesis.reviews', { count: synthesis.trackScores[track].reviews })}`,
          })),
          {
            key: 'forecast',
            label: t('synthesis.forecast'),
            children: (
              <span>
                {t(`synthesis.outlook.${synthesis.forecast.outlook}`)}
                {' · '}
                <Money value={synthesis.forecast.expectedInvestment} />
                {' · '}
                {t('synthesis.realisation', { rate: Math.round(synthesis.forecast.realisationRate * 100) })}
              </span>
            ),
          },
          {
            key: 'endorsements',
            label: t('synthesis.endorsements'),
            children: (
              <span>
                {t('synthesis.willing', { willing: synthesis.endorsements.willing, reviews: synthesis.endorsements.vcReviews })}
                {' · '}
                <Money value={synthesis.endorsements.totalAmount} />
              </span>
            ),
          },
        ]}
      />
      {synthesis.riskPoints.length > 0 && (
        <>
          <h3>{t('synthesis.risks')}</h3>
          <ul className="officer-risks">
            {synthesis.riskPoints.map((r, i) => (
              <li key={i}>
                <Tag>{t('panel.severity', { severity: t(`words:severity.${r.severity}`) })}</Tag> {r.category}
              </li>
            ))}
          </ul>
        </>
      )}
      {synthesis.rules.some((r) => r.fired) && (
        <>
          <h3>{t('synthesis.rules')}</h3>
          <ul>
            {synthesis.rules
              .filter((r) => r.fired)
              .map((r) => (
                <li key={r.id}>{r.description}</li>
              ))}
          </ul>
        </>
      )}
    </>
  );
}

/** The managers' decisions, oldest first. */
export function Decisions({ decisions }: { decisions: ProjectDetail['decisions'] }) {
  const { t } = useTranslation('officer');
  return (
    <ol className="officer-decisions">
      {decisions.map((d) => (
        <li key={d.seq} data-testid="decision" data-outcome={d.outcome}>
          <p>
            <strong>{t(`words:decision.${d.outcome}`)}</strong> <span className="muted">{formatDateTime(d.decidedAt)}</span>
          </p>
          <p className="officer-prewrap">{d.rationale}</p>
          {d.conditions.length > 0 && (
            <>
              <p className="muted">{t('decision.conditions')}</p>
              <ul>
                {d.conditions.map((c, i) => (
                  <li key={i}>{c}</li>
                ))}
              </ul>
            </>
          )}
          {d.questions.length > 0 && (
            <>
              <p className="muted">{t('decision.questions')}</p>
              <ul>
                {d.questions.map((q, i) => (
                  <li key={i}>{q}</li>
                ))}
              </ul>
            </>
          )}
        </li>
      ))}
    </ol>
  );
}
