import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Input, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiFailure, fieldProblems, unwrap, type Schemas } from '../../../api/client';
import { failureText } from '../../../components/bits';
import type { Me } from '../../../lib/session';
import type { ProjectDetail } from '../../../lib/watch';
import ApprovalState from './ApprovalState';
import { TRACKS, type Person, type Track } from './data';

type Outcome = Schemas['DecisionRequestBody']['outcome'];
const OUTCOMES: Outcome[] = ['go', 'no_go', 'request_info'];
const AWAITING: Schemas['ProjectStatus'][] = ['awaiting_decision', 'awaiting_second_approval'];
/** The fields whose problems the form shows next to them; any other problem goes in the alert. */
const PLACED = /^(outcome|rationale|questions(\.\d+)?|reopenTracks(\.\d+)?|conditions\.\d+)$/;

/** The manager's decision: go, no-go or a request for information, with the dual-approval state above it. */
export default function DecidePanel({ project, people, me }: { project: ProjectDetail; people: Map<string, Person>; me: Me }) {
  const { t } = useTranslation('manager');
  const [recorded, setRecorded] = useState<Schemas['ProjectStatus'] | null>(null);
  const awaiting = AWAITING.includes(project.status);
  return (
    <section className="manager-section manager-decide" aria-labelledby="report-decide" data-testid="decide-panel">
      <h2 id="report-decide">{t('decide.title')}</h2>
      {recorded && (
        <Alert
          type="success"
          showIcon
          role="status"
          title={t('decide.recorded', { status: t(`words:status.${recorded}`) })}
          closable
          onClose={() => setRecorded(null)}
        />
      )}
      <ApprovalState project={project} people={people} me={me} />
      {awaiting ? (
        <DecideForm key={`${project.status}-${project.decisions.length}`} project={project} onRecorded={setRecorded} />
      ) : (
        <p className="muted" data-testid="decide-closed">
          {t('decide.notAwaiting', { status: t(`words:status.${project.status}`) })}
        </p>
      )}
    </section>
  );
}

function DecideForm({ project, onRecorded }: { project: ProjectDetail; onRecorded: (status: Schemas['ProjectStatus']) => void }) {
  const { t } = useTranslation('manager');
  const { t: tc } = useTranslation();
  const client = useQueryClient();
  const second = project.status === 'awaiting_second_approval';
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [rationale, setRationale] = useState('');
  const [questions, setQuestions] = useState<string[]>(['']);
  const [conditions, setConditions] = useState<string[]>([]);
  const [reopen, setReopen] = useState<Track[]>([]);

  const decide = useMutation({
    mutationFn: (body: Schemas['DecisionRequestBody']) => unwrap(api.POST('/projects/{id}/decision', { params: { path: { id: project.id } }, body })),
    onSuccess: async (answer) => {
      onRecorded(answer.status);
      await Promise.all([
        client.invalidateQueries({ queryKey: ['project', project.id] }),
        client.invalidateQueries({ queryKey: ['report', project.id] }),
        client.invalidateQueries({ queryKey: ['projects'] }),
      ]);
    },
  });

  const keptConditions = conditions.map((c, i) => ({ text: c.trim(), i })).filter((c) => c.text !== '');
  const submit = () => {
    if (!outcome) return;
    const body: Schemas['DecisionRequestBody'] = { outcome, rationale };
    if (outcome === 'go' && keptConditions.length > 0) body.conditions = keptConditions.map((c) => c.text);
    if (outcome === 'request_info') {
      body.questions = questions;
      if (reopen.length > 0) body.reopenTracks = reopen;
    }
    decide.mutate(body);
  };

  const problems = fieldProblems(decide.error);
  const problemAt = (field: string): string[] => problems.get(field) ?? [];
  const conditionProblems = (index: number) => {
    const sent = keptConditions.findIndex((c) => c.i === index);
    return sent >= 0 ? problemAt(`conditions.${sent}`) : [];
  };

  // Field problems are shown next to their field; anything else the API said goes in one alert.
  const fieldsRendered = (
    <>
      <fieldset className="manager-fieldset">
        <legend>{t('decide.outcome')}</legend>
        <Radio.Group value={outcome} onChange={(e) => {
            setOutcome(e.target.value as Outcome);
            decide.reset();
          }} >
          {OUTCOMES.map((o) => (
            <Radio key={o} value={o} data-testid={`decide-${o.replace('_', '-')}`} disabled={second && o === 'request_info'}>
              {t(`words:decision.${o}`)}
            </Radio>
          ))}
        </Radio.Group>
        {second && <p className="muted manager-hint">{t('decide.secondApprovalChoices')}</p>}
        <FieldProblems id="outcome-problems" problems={problemAt('outcome')} />
      </fieldset>

      <div className="manager-field">
        <label htmlFor="decision-rationale">{t('decide.rationale')}</label>
        <Input.TextArea
          id="decision-rationale"
          data-testid="decision-rationale"
          value={rationale}
          onChange={(e) => setRationale(e.target.value)}
          autoSize={{ minRows: 3, maxRows: 10 }}
          maxLength={10000}
          status={problems.has('rationale') ? 'error' : undefined}
          aria-invalid={problems.has('rationale') || undefined}
          aria-describedby="decision-rationale-hint rationale-problems"
        />
        <span id="decision-rationale-hint" className="muted manager-hint">
          {t('decide.rationaleHint')}
        </span>
        <FieldProblems id="rationale-problems" problems={problemAt('rationale')} />
      </div>

      {outcome === 'go' && (
        <ListEditor
          name="condition"
          legend={t('decide.conditions')}
          hint={t('decide.conditionsHint')}
          items={conditions}
          onChange={setConditions}
          problemsOf={conditionProblems}
          minItems={0}
          addLabel={t('decide.addCondition')}
          itemLabel={(i) => t('decide.condition', { n: i + 1 })}
        />
      )}

      {outcome === 'request_info' && (
        <>
          <ListEditor
            name="question"
            legend={t('decide.questions')}
            hint={t('decide.questionsHint')}
            items={questions}
            onChange={setQuestions}
            problemsOf={(i) => problemAt(`questions.${i}`)}
            listProblems={problemAt('questions')}
            minItems={1}
            addLabel={t('decide.addQuestion')}
            itemLabel={(i) => t('decide.question', { n: i + 1 })}
          />
          <fieldset className="manager-fieldset">
            <legend>{t('decide.reopen')}</legend>
            <p className="muted manager-hint">{t('decide.reopenHint')}</p>
            {TRACKS.map((track) => (
              <Checkbox
                key={track}
                data-testid={`reopen-${track}`}
                checked={reopen.includes(track)}
                onChange={(e) => setReopen((r) => (e.target.checked ? [...r, track] : r.filter((x) => x !== track)))}
              >
                {t(`words:track.${track}`)}
              </Checkbox>
            ))}
            <FieldProblems id="reopen-problems" problems={problemAt('reopenTracks')} />
          </fieldset>
        </>
      )}
    </>
  );

  const failure = decide.error;
  const unplaced = [...problems.entries()].filter(([field]) => !PLACED.test(field));
  const general =
    failure instanceof ApiFailure && failure.status === 400 && problems.size > 0 && unplaced.length === 0
      ? null
      : failure
        ? [failureText(failure, tc), ...unplaced.map(([field, p]) => `${field}: ${p.join('; ')}`)].join(' ')
        : null;

  return (
    <form
      className="manager-decide-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {fieldsRendered}
      {general && <Alert type="error" showIcon role="alert" title={general} data-testid="decision-error" />}
      <Button type="primary" htmlType="submit" data-testid="confirm-decision" disabled={!outcome} loading={decide.isPending}>
        {outcome ? t('decide.confirmAs', { decision: t(`words:decision.${outcome}`) }) : t('decide.confirm')}
      </Button>
      {!outcome && <span className="muted manager-hint"> {t('decide.chooseFirst')}</span>}
    </form>
  );
}

function FieldProblems({ id, problems }: { id: string; problems: string[] }) {
  return (
    <div id={id} className="field-error" aria-live="polite">
      {problems.join('; ')}
    </div>
  );
}

/** A list of short texts to add to and remove from (questions to the officer, conditions of a go). */
function ListEditor({
  name,
  legend,
  hint,
  items,
  onChange,
  problemsOf,
  listProblems = [],
  minItems,
  addLabel,
  itemLabel,
}: {
  name: string;
  legend: string;
  hint: string;
  items: string[];
  onChange: (items: string[]) => void;
  problemsOf: (index: number) => string[];
  listProblems?: string[];
  minItems: number;
  addLabel: string;
  itemLabel: (index: number) => string;
}) {
  const { t } = useTranslation('manager');
  return (
    <fieldset className="manager-fieldset">
      <legend>{legend}</legend>
      <p className="muted manager-hint">{hint}</p>
      <FieldProblems id={`${name}s-problems`} problems={listProblems} />
      {items.map((text, i) => {
        const problems = problemsOf(i);
        return (
          <div key={i} className="manager-list-item">
            <label htmlFor={`${name}-${i}`}>{itemLabel(i)}</label>
            <div className="manager-list-row">
              <Input.TextArea
                id={`${name}-${i}`}
                data-testid={`${name}-${i}`}
                value={text}
                autoSize={{ minRows: 1, maxRows: 6 }}
                maxLength={2000}
                status={problems.length ? 'error' : undefined}
                aria-invalid={problems.length > 0 || undefined}
                aria-describedby={`${name}-${i}-problems`}
                onChange={(e) => onChange(items.map((x, j) => (j === i ? e.target.value : x)))}
              />
              <Button
                onClick={() => onChange(items.filter((_, j) => j !== i))}
                disabled={items.length <= minItems}
                aria-label={`${t('decide.remove')} ${itemLabel(i)}`}
                data-testid={`remove-${name}-${i}`}
              >
                {t('decide.remove')}
              </Button>
            </div>
            <FieldProblems id={`${name}-${i}-problems`} problems={problems} />
          </div>
        );
      })}
      <Button onClick={() => onChange([...items, ''])} data-testid={`add-${name}`} disabled={items.length >= 50}>
        {addLabel}
      </Button>
    </fieldset>
  );
}
