import { Alert, Button, Checkbox, Form, InputNumber, Space, Tag } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiFailure, unwrap, type Schemas } from '../../api/client';
import { Loading } from '../../components/bits';
import { hasRole, useMe } from '../../lib/session';
import { DurationInput, YuanInput } from './PolicyInputs';
import { clearChanged, FailureAlert, revealProblem, OtherProblems, problemsUnder, SECTORS, showProblems, TRACKS, type Problems } from './shared';
import './admin.css';

type PolicyVersion = Schemas['PolicyVersion'];

function Section({ id, title, explain, children }: { id: string; title: string; explain: string; children: ReactNode }) {
  return (
    <section className="admin-section" aria-labelledby={id}>
      <h2 id={id} className="admin-h2">
        {title}
      </h2>
      <p className="muted">{explain}</p>
      {children}
    </section>
  );
}

/** The sum of the track weights as the form holds them, with the API's problem with them. */
function WeightSum({ problem }: { problem?: string }) {
  const { t } = useTranslation('admin');
  const weights = Form.useWatch('trackWeights') as Record<string, number | null> | undefined;
  const sum = TRACKS.reduce((total, tr) => total + (weights?.[tr] ?? 0), 0);
  return (
    <div className="admin-weight-sum">
      <span data-testid="weight-sum">{t('policy.weightSum', { sum: sum.toFixed(2) })}</span>
      {problem && (
        <div className="admin-field-error" role="alert">
          {problem}
        </div>
      )}
    </div>
  );
}

const GROUPS_SHOWN = ['trackWeights'];

/**
 * The policy as one form, started from `base` (a version): saved whole with that version, which
 * the API checks (409 when someone else saved first).
 */
interface EditorProps {
  base: PolicyVersion;
  canSave: boolean;
  onSaved: (p: PolicyVersion) => void;
  onReload: () => void;
}

function PolicyEditor({ base, canSave, onSaved, onReload }: EditorProps) {
  const { t } = useTranslation('admin');
  const [form] = Form.useForm<PolicyVersion>();
  const [leftover, setLeftover] = useState<Problems>(new Map());
  const [stale, setStale] = useState(false);
  const root = useRef<HTMLDivElement>(null);

  const save = useMutation({
    // Everything GET returned, edited, with the version the edit started from.
    mutationFn: () => unwrap(api.PUT('/policy', { body: { ...(form.getFieldsValue(true) as Schemas['PolicyReplacement']), version: base.version } })),
    onMutate: () => setLeftover(new Map()),
    onError: (error) => {
      if (error instanceof ApiFailure && error.status === 409) setStale(true);
      else setLeftover(showProblems(form, error));
      // The save button sits at the bottom of a long form: show what stopped it.
      revealProblem(root.current);
    },
    onSuccess: onSaved,
  });

  const number = (min: number, max: number, step = 1, precision = 0) => (
    <InputNumber min={min} max={max} step={step} precision={precision} style={{ width: 120 }} />
  );

  return (
    <div ref={root}>
      <Form
        form={form}
        layout="vertical"
        className="admin-form"
        data-testid="policy-form"
        initialValues={base}
        disabled={!canSave}
        onFinish={() => save.mutate()}
        onValuesChange={(changed) => setLeftover(clearChanged(form, changed, leftover))}
      >
        {stale && (
          <Alert
            type="warning"
            role="alert"
            data-testid="policy-conflict"
            style={{ marginBottom: 16 }}
            title={t('policy.conflictTitle')}
            description={
              <>
                <p>{t('policy.conflictBody', { version: base.version })}</p>
                {save.error instanceof ApiFailure && <p className="muted">{save.error.message}</p>}
              </>
            }
            action={
              <Button type="primary" onClick={onReload} data-testid="reload-policy" disabled={false}>
                {t('policy.reload')}
              </Button>
            }
          />
        )}
        {!stale && <FailureAlert error={save.error} />}
        <OtherProblems problems={leftover} shown={GROUPS_SHOWN} />

        <Section id="policy-panels" title={t('policy.panels')} explain={t('policy.panelsExplain')}>
          <div className="admin-track-grid">
            {TRACKS.map((tr) => (
              <fieldset key={tr} className="admin-fieldset" data-track={tr}>
                <legend>{t(`words:track.${tr}`)}</legend>
                <Form.Item name={['reviewersPerTrack', tr]} label={t('policy.reviewersPerTrack')} extra={t('policy.reviewersPerTrackHint')}>
                  {number(1, 10)}
                </Form.Item>
                <Form.Item name={['quorum', tr]} label={t('policy.quorum')} extra={t('policy.quorumHint')}>
                  {number(1, 10)}
                </Form.Item>
              </fieldset>
            ))}
          </div>
        </Section>

        <Section id="policy-weights" title={t('policy.weights')} explain={t('policy.weightsExplain')}>
          <div className="admin-track-grid">
            {TRACKS.map((tr) => (
              <Form.Item key={tr} name={['trackWeights', tr]} label={t(`words:track.${tr}`)}>
                {number(0, 1, 0.05, 2)}
              </Form.Item>
            ))}
          </div>
          <WeightSum problem={problemsUnder(leftover, 'trackWeights')} />
        </Section>

        <Section id="policy-deadlines" title={t('policy.deadlines')} explain={t('policy.deadlinesExplain')}>
          <div className="admin-field-grid">
            <Form.Item name="reviewDeadline" label={t('policy.reviewDeadline')} extra={t('policy.reviewDeadlineHint')}>
              <DurationInput />
            </Form.Item>
            <Form.Item name="reminderBefore" label={t('policy.reminderBefore')} extra={t('policy.reminderBeforeHint')}>
              <DurationInput />
            </Form.Item>
            <Form.Item name="maxReassignments" label={t('policy.maxReassignments')} extra={t('policy.maxReassignmentsHint')}>
              {number(0, 20)}
            </Form.Item>
            <Form.Item name="decisionDeadline" label={t('policy.decisionDeadline')} extra={t('policy.decisionDeadlineHint')}>
              <DurationInput />
            </Form.Item>
            <Form.Item name="signingDeadline" label={t('policy.signingDeadline')} extra={t('policy.signingDeadlineHint')}>
              <DurationInput />
            </Form.Item>
          </div>
        </Section>

        <Section id="policy-approval" title={t('policy.approval')} explain={t('policy.approvalExplain')}>
          <Form.Item name={['dualApprovalThreshold', 'amount']} label={t('policy.dualApprovalThreshold')} extra={t('policy.dualApprovalThresholdHint')}>
            <YuanInput />
          </Form.Item>
        </Section>

        <Section id="policy-screening" title={t('policy.screening')} explain={t('policy.screeningExplain')}>
          <Form.Item name={['minimumInvestment', 'amount']} label={t('policy.minimumInvestment')} extra={t('policy.minimumInvestmentHint')}>
            <YuanInput />
          </Form.Item>
          <Form.Item name="sectors" label={t('policy.sectors')} extra={t('policy.sectorsHint')}>
            <Checkbox.Group className="admin-check-grid" options={SECTORS.map((s) => ({ value: s, label: t(`words:sector.${s}`) }))} />
          </Form.Item>
        </Section>

        {canSave && (
          <Space className="admin-actions">
            <Button type="primary" htmlType="submit" loading={save.isPending} disabled={stale} data-testid="save-policy">
              {t('policy.save')}
            </Button>
            <Button onClick={onReload} data-testid="discard-policy">
              {t('policy.discard')}
            </Button>
          </Space>
        )}
      </Form>
    </div>
  );
}

/** The policy editor: every field of the policy in force, its version, and (for admins) save. */
export default function Policy() {
  const { t } = useTranslation('admin');
  const client = useQueryClient();
  const canSave = hasRole(useMe().data, 'admin');
  const policy = useQuery({ queryKey: ['policy'], queryFn: () => unwrap(api.GET('/policy')), refetchOnWindowFocus: false });
  // The version the form was started from, and a counter that starts the form afresh.
  const [base, setBase] = useState<PolicyVersion | null>(null);
  const [generation, setGeneration] = useState(0);
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  if (policy.data && !base) setBase(policy.data);

  const restart = (fresh: PolicyVersion) => {
    setBase(fresh);
    setGeneration((g) => g + 1);
  };
  const reload = async () => {
    setSavedVersion(null);
    const fresh = await policy.refetch();
    // A failed reload shows its error (Loading) rather than the old policy as if it were current.
    if (fresh.data && !fresh.error) restart(fresh.data);
  };

  return (
    <div className="admin-page">
      <div className="admin-title">
        <h1>{t('policy.title')}</h1>
        {base && (
          <Tag color="blue" data-testid="policy-version" data-version={base.version}>
            {t('policy.version', { version: base.version })}
          </Tag>
        )}
      </div>
      <p className="muted">{t('policy.intro')}</p>
      {!canSave && <Alert type="info" style={{ marginBottom: 16 }} title={t('policy.readOnly')} />}
      {savedVersion !== null && (
        <Alert
          type="success"
          role="status"
          data-testid="policy-saved"
          style={{ marginBottom: 16 }}
          title={t('policy.saved', { version: savedVersion })}
          closable={{ onClose: () => setSavedVersion(null), 'aria-label': t('notice.dismiss') }}
        />
      )}
      <Loading query={policy}>
        {() =>
          base && (
            <PolicyEditor
              key={`${base.version}-${generation}`}
              base={base}
              canSave={canSave}
              onReload={() => void reload()}
              onSaved={(saved) => {
                client.setQueryData(['policy'], saved);
                setSavedVersion(saved.version);
                restart(saved);
              }}
            />
          )
        }
      </Loading>
    </div>
  );
}
