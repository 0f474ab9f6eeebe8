import { useTranslation } from 'react-i18next';
import { Money } from '../../../components/bits';
import type { ProjectDetail } from '../../../lib/watch';
import { ToneTag } from '../tags';
import type { Report } from './data';

const OUTLOOK_TONES = { favourable: 'good', moderate: 'info', cautious: 'warn' } as const;

/** The cautious forecast (托底性预判): how much of the declared investment is expected to land, and on what assumptions. */
export default function Forecast({ report, project }: { report: Report; project: ProjectDetail }) {
  const { t, i18n } = useTranslation('manager');
  const { forecast } = report;
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 });
  return (
    <section className="manager-section" aria-labelledby="report-forecast" data-testid="forecast">
      <h2 id="report-forecast">{t('report.forecast.title')}</h2>
      <dl className="manager-facts">
        <div>
          <dt>{t('report.forecast.outlook')}</dt>
          <dd>
            <ToneTag tone={OUTLOOK_TONES[forecast.outlook]} data-outlook={forecast.outlook}>
              {t(`report.forecast.outlooks.${forecast.outlook}`)}
            </ToneTag>
          </dd>
        </div>
        <div>
          <dt>{t('report.forecast.rate')}</dt>
          <dd>{percent.format(forecast.realisationRate)}</dd>
        </div>
        <div>
          <dt>{t('report.forecast.expected')}</dt>
          <dd>
            <Money value={forecast.expectedInvestment} />
          </dd>
        </div>
        <div>
          <dt>{t('report.forecast.declared')}</dt>
          <dd>
            <Money value={project.totalInvestment} />
          </dd>
        </div>
      </dl>
      <h3>{t('report.forecast.assumptions')}</h3>
      <ServerTexts items={forecast.assumptions} />
    </section>
  );
}

/**
 * Text the synthesis wrote (assumptions, rule descriptions): shown as the API sends it. The report
 * carries these in English whatever the reader's language, so the list says so to screen readers.
 */
export function ServerTexts({ items }: { items: string[] }) {
  return (
    <ul className="manager-list" lang={guessLang(items)}>
      {items.map((text, i) => (
        <li key={i}>{text}</li>
      ))}
    </ul>
  );
}

export function guessLang(texts: string[]): string | undefined {
  return texts.some((s) => /[\u4e00-\u9fff]/.test(s)) ? undefined : 'en';
}
