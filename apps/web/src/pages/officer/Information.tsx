import { Button, Form, Input } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiFailure, unwrap, type Schemas } from '../../api/client';
import { formatDate } from '../../lib/format';
import type { ProjectDetail } from '../../lib/watch';
import { showProblems } from './problems';
import { FormFailure } from './FormFailure';

type InformationRound = Schemas['InformationRound'];

const isOpen = (round: InformationRound) => round.answeredAt === null && round.answers.length === 0;

/** One answer per question of the open round; POST /projects/{id}/information. */
function AnswerForm({ projectId, round }: { projectId: string; round: InformationRound }) {
  const { t } = useTranslation('officer');
  const [form] = Form.useForm<{ answers: string[] }>();
  const client = useQueryClient();
  const [leftover, setLeftover] = useState<{ field: string; problem: string }[]>([]);
  const send = useMutation({
    mutationFn: (answers: string[]) => unwrap(api.POST('/projects/{id}/information', { params: { path: { id: projectId } }, body: { answers } })),
    onSuccess: () => client.invalidateQueries({ predicate: (q) => q.queryKey.includes(projectId) || q.queryKey[0] === 'projects' }),
    onError: (error) =>
      setLeftover(
        error instanceof ApiFailure && error.status === 400
          ? showProblems(form, error, (path) => {
              const [head, index] = path.split('.');
              return head === 'answers' && index !== undefined && /^\d+$/.test(index) && Number(index) < round.questions.length ? ['answers', Number(index)] : null;
            })
          : [],
      ),
  });
  const detailed = send.error instanceof ApiFailure && send.error.status === 400 && (send.error.body?.details?.length ?? 0) > 0;

  return (
    <Form
      form={form}
      name={`answers-${round.round}`}
      layout="vertical"
      data-testid="answer-form"
      onFinish={(values) => {
        setLeftover([]);
        send.mutate(round.questions.map((_, i) => (values.answers?.[i] ?? '').trim()));
      }}
    >
      {round.questions.map((question, i) => (
        <Form.Item
          key={i}
          name={['answers', i]}
          label={t('info.question', { n: i + 1, question })}
          rules={[{ required: true, whitespace: true, message: t('info.answerRequired') }, { max: 10000 }]}
        >
          <Input.TextArea data-testid={`answer-${i}`} rows={3} maxLength={10000} />
        </Form.Item>
      ))}
      <FormFailure error={send.error} detailed={detailed} leftover={leftover} />
      <Button type="primary" htmlType="submit" data-testid="send-answers" loading={send.isPending}>
        {t('info.send')}
      </Button>
    </Form>
  );
}

function RoundView({ round }: { round: InformationRound }) {
  const { t } = useTranslation('officer');
  return (
    <div className="officer-round" data-testid="information-round" data-round={round.round}>
      <p className="muted">
        {t('info.asked', { n: round.round, date: formatDate(round.requestedAt) })}
        {round.answeredAt && ` · ${t('info.answeredOn', { date: formatDate(round.answeredAt) })}`}
        {round.reopenTracks.length > 0 && ` · ${t('info.reopens', { tracks: round.reopenTracks.map((tr) => t(`words:track.${tr}`)).join(t('list.separator')) })}`}
      </p>
      <ol className="officer-qa">
        {round.questions.map((q, i) => (
          <li key={i}>
            <p className="officer-prewrap">
              <strong>{q}</strong>
            </p>
            <p className="officer-prewrap">{round.answers[i] ?? <span className="muted">{t('info.noAnswer')}</span>}</p>
          </li>
        ))}
      </ol>
    </div>
  );
}

/**
 * The managers' questions: the open round with its answer form (for the officer who submitted the
 * project, while information is requested), then the rounds before it with their answers.
 */
export function Information({ project, canAnswer }: { project: ProjectDetail; canAnswer: boolean }) {
  const { t } = useTranslation('officer');
  const rounds = project.information;
  if (rounds.length === 0) return null;
  const open = project.status === 'information_requested' ? [...rounds].reverse().find(isOpen) : undefined;
  const past = rounds.filter((r) => r !== open).reverse();
  return (
    <section className="officer-section" aria-labelledby="info-title" data-testid="information">
      <h2 id="info-title">{t('info.title')}</h2>
      {open && (
        <div className="officer-open-round">
          <h3>{t('info.openTitle', { n: open.round })}</h3>
          <p className="muted">{t('info.asked', { n: open.round, date: formatDate(open.requestedAt) })}</p>
          {canAnswer ? (
            <AnswerForm projectId={project.id} round={open} />
          ) : (
            <>
              <ol className="officer-qa">
                {open.questions.map((q, i) => (
                  <li key={i} className="officer-prewrap">
                    {q}
                  </li>
                ))}
              </ol>
              <p className="muted">{t('info.awaitingOfficer')}</p>
            </>
          )}
        </div>
      )}
      {past.length > 0 && (
        <>
          <h3>{t('info.pastTitle')}</h3>
          {past.map((r) => (
            <RoundView key={r.round} round={r} />
          ))}
        </>
      )}
    </section>
  );
}
