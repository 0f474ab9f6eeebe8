import { Timeline } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../api/client';
import { Loading, Money } from '../../components/bits';
import { formatDate, formatDateTime } from '../../lib/format';
import { useTimeline } from '../../lib/watch';

type TimelineEvent = Schemas['TimelineEvent'];
type Translate = (key: string, options?: Record<string, unknown>) => string;

const isMoney = (v: unknown): v is { amount: number; currency?: string } => typeof v === 'object' && v !== null && typeof (v as { amount?: unknown }).amount === 'number';
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** The event's data, as the caller's projection holds it, in a few readable lines (the fields a page knows). */
function details(event: TimelineEvent, t: Translate, word: (table: string, value: unknown) => string): ReactNode[] {
  const d = event.data;
  const out: ReactNode[] = [];
  const add = (key: string, node: ReactNode) => out.push(<span key={key}>{node}</span>);
  if (typeof d['company'] === 'string') add('company', d['company']);
  if (typeof d['sector'] === 'string') add('sector', word('sector', d['sector']));
  if (isMoney(d['totalInvestment'])) add('totalInvestment', <Money value={d['totalInvestment']} />);
  if (typeof d['track'] === 'string') add('track', word('track', d['track']));
  const tracks = strings(d['tracks']);
  if (tracks.length > 0) add('tracks', tracks.map((tr) => word('track', tr)).join(t('list.separator')));
  if (typeof d['round'] === 'number') add('round', event.type === 'information_provided' ? t('info.roundN', { n: d['round'] }) : t('panel.round', { n: d['round'] + 1 }));
  if (typeof d['count'] === 'number') add('count', t('event.count', { count: d['count'] }));
  else if (Array.isArray(d['assigned'])) add('count', t('event.count', { count: d['assigned'].length }));
  if (typeof d['shortfall'] === 'number' && d['shortfall'] > 0) add('shortfall', t('event.shortfall', { count: d['shortfall'] }));
  if (typeof d['submitted'] === 'number' && typeof d['required'] === 'number') add('quorum', t('panel.progress', { submitted: d['submitted'], required: d['required'] }));
  if (typeof d['dueAt'] === 'string') add('dueAt', t('event.due', { date: formatDate(d['dueAt']) }));
  if (typeof d['recommendation'] === 'string') add('recommendation', word('recommendation', d['recommendation']));
  if (typeof d['overallScore'] === 'number') add('overallScore', t('event.score', { score: d['overallScore'].toFixed(2) }));
  if (typeof d['outcome'] === 'string') add('outcome', <strong>{word('decision', d['outcome'])}</strong>);
  const reopen = strings(d['reopenTracks']);
  if (reopen.length > 0) add('reopen', t('info.reopens', { tracks: reopen.map((tr) => word('track', tr)).join(t('list.separator')) }));
  if (typeof d['signedAt'] === 'string') add('signedAt', formatDateTime(d['signedAt']));
  if (isMoney(d['agreedInvestment'])) add('agreedInvestment', <Money value={d['agreedInvestment']} />);
  if (typeof d['step'] === 'string') add('step', t('event.step', { step: d['step'] }));
  const steps = strings(d['steps']);
  if (steps.length > 0) add('steps', t('event.step', { step: steps.join(', ') }));
  if (d['awaitsResume'] === true) add('awaitsResume', t('event.awaitsResume'));
  if (d['conflictOfInterest'] === true) add('conflict', t('event.conflict'));
  const blocks: ReactNode[] = [];
  if (typeof d['rationale'] === 'string') blocks.push(<p key="rationale" className="officer-prewrap">{d['rationale']}</p>);
  if (typeof d['reason'] === 'string') blocks.push(<p key="reason" className="officer-prewrap">{d['reason']}</p>);
  if (Array.isArray(d['reasons']) && d['reasons'].length > 0) {
    blocks.push(
      <ul key="reasons">
        {d['reasons'].map((r: unknown, i) => (
          <li key={i}>{typeof r === 'string' ? r : typeof r === 'object' && r !== null && 'problem' in r ? String((r as { problem: unknown }).problem) : JSON.stringify(r)}</li>
        ))}
      </ul>,
    );
  }
  if (event.information) {
    blocks.push(
      <ol key="information" className="officer-qa">
        {event.information.questions.map((q, i) => (
          <li key={i}>
            <p className="officer-prewrap">
              <strong>{q}</strong>
            </p>
            <p className="officer-prewrap">{event.information?.answers[i] ?? ''}</p>
          </li>
        ))}
      </ol>,
    );
  }
  return [out.length > 0 ? <p key="facts" className="officer-event-facts">{out}</p> : null, ...blocks];
}

/** The project's timeline as the caller may see it, oldest first; unknown event types by their type string. */
export function ProjectTimeline({ projectId }: { projectId: string }) {
  const { t, i18n } = useTranslation('officer');
  const timeline = useTimeline(projectId);
  const word = (table: string, value: unknown) => {
    const key = `words:${table}.${String(value)}`;
    return i18n.exists(key) ? t(key) : String(value);
  };
  const title = (type: string) => (i18n.exists(`officer:event.type.${type}`) ? t(`event.type.${type}`) : type);
  return (
    <section className="officer-section" aria-labelledby="timeline-title" data-testid="timeline">
      <h2 id="timeline-title">{t('timeline.title')}</h2>
      <Loading query={timeline}>
        {() =>
          timeline.data && timeline.data.items.length > 0 ? (
            <Timeline
              className="officer-timeline"
              items={timeline.data.items.map((event) => ({
                key: event.seq,
                content: (
                  <div data-testid="timeline-event" data-type={event.type}>
                    <time className="officer-event-time" dateTime={event.at}>
                      {formatDateTime(event.at)}
                    </time>
                    <strong>{title(event.type)}</strong>
                    {event.actor.name && <span className="muted"> · {event.actor.name}</span>}
                    {details(event, t, word)}
                  </div>
                ),
              }))}
            />
          ) : (
            <p className="muted">{t('timeline.empty')}</p>
          )
        }
      </Loading>
    </section>
  );
}
