import { Button, Form, Input, InputNumber, Radio, Select } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api, ApiFailure, unwrap, type Schemas } from '../../api/client';
import { MoneyInput } from '../../components/MoneyInput';
import { newKey, showProblems } from './problems';
import { OfficerTheme } from './OfficerTheme';
import './officer.css';
import { wordKeys } from '@dueflow/words';
import { FormFailure } from './FormFailure';

type Body = Schemas['CreateProjectRequest'];
type Sector = Schemas['Sector'];

const SECTORS: readonly Sector[] = wordKeys('sector');
const SOURCES: readonly Body['source'][] = wordKeys('source');
const STAGES: readonly NonNullable<Body['stage']>[] = wordKeys('stage');
const CONTACT_FIELDS = ['name', 'title', 'phone', 'email'] as const;

/** What the form holds: amounts already in whole yuan (MoneyInput converts from 万元). */
interface Values {
  name: string;
  company: string;
  creditCode?: string;
  sector?: Sector;
  totalInvestment?: number | null;
  expectedAnnualOutput?: number | null;
  landAreaMu?: number | null;
  headcount?: number | null;
  source?: Body['source'];
  stage?: Body['stage'] | '';
  summary: string;
  contact?: Partial<Record<(typeof CONTACT_FIELDS)[number], string>>;
}

const TOP_FIELDS = new Set(['name', 'company', 'creditCode', 'sector', 'totalInvestment', 'expectedAnnualOutput', 'landAreaMu', 'headcount', 'source', 'stage', 'summary']);

/** The form's field for an API field path: `totalInvestment.amount` → totalInvestment, `contact.email` → contact.email. */
function place(path: string): (string | number)[] | null {
  const [head, sub] = path.split('.');
  if (!head) return null;
  if (head === 'contact') return sub && (CONTACT_FIELDS as readonly string[]).includes(sub) ? ['contact', sub] : null;
  return TOP_FIELDS.has(head) ? [head] : null;
}

const text = (s: string | undefined) => (s ?? '').trim();

function toBody(v: Values): Body {
  const contact = Object.fromEntries(CONTACT_FIELDS.map((k) => [k, text(v.contact?.[k])]).filter(([, s]) => s !== ''));
  return {
    name: text(v.name),
    company: text(v.company),
    ...(text(v.creditCode) ? { creditCode: text(v.creditCode) } : {}),
    sector: v.sector as Sector,
    totalInvestment: { amount: v.totalInvestment ?? 0, currency: 'CNY' },
    ...(v.expectedAnnualOutput != null ? { expectedAnnualOutput: { amount: v.expectedAnnualOutput, currency: 'CNY' } } : {}),
    ...(v.landAreaMu != null ? { landAreaMu: v.landAreaMu } : {}),
    ...(v.headcount != null ? { headcount: v.headcount } : {}),
    source: v.source as Body['source'],
    ...(v.stage ? { stage: v.stage } : {}),
    summary: text(v.summary),
    ...(Object.keys(contact).length > 0 ? { contact } : {}),
  };
}

/** The intake form: a candidate company, grouped as the officer gathers it; POST /projects. */
export default function SubmitProject() {
  const { t } = useTranslation('officer');
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const client = useQueryClient();
  // One key for this form: a retry after a lost answer gives back the same project, not a second one.
  const [idempotencyKey] = useState(newKey);
  const [leftover, setLeftover] = useState<{ field: string; problem: string }[]>([]);

  const submit = useMutation({
    mutationFn: (body: Body) => unwrap(api.POST('/projects', { body, params: { header: { 'Idempotency-Key': idempotencyKey } } })),
    onSuccess: async (project) => {
      await client.invalidateQueries({ queryKey: ['projects'] });
      navigate(`/projects/${project.id}`);
    },
    onError: (error) => setLeftover(error instanceof ApiFailure && error.status === 400 ? showProblems(form, error, place) : []),
  });

  const required = { required: true, message: t('submit.required') };
  const requiredText = { required: true, whitespace: true, message: t('submit.required') };
  // A 400 with details: each problem is next to its field; the alert only says so (and lists any without a field).
  const detailed = submit.error instanceof ApiFailure && submit.error.status === 400 && (submit.error.body?.details?.length ?? 0) > 0;

  return (
    <OfficerTheme>
      <div className="officer-page officer-form-page">
        <h1>{t('submit.title')}</h1>
        <p className="muted">{t('submit.intro')}</p>
        <Form<Values>
          form={form}
          name="project"
          layout="vertical"
          data-testid="project-form"
          requiredMark
          scrollToFirstError
          initialValues={{ stage: '' }}
          onFinish={(values) => {
            setLeftover([]);
            submit.mutate(toBody(values));
          }}
        >
          <fieldset className="officer-group">
            <legend>
              <h2>{t('submit.group.company')}</h2>
            </legend>
            <Form.Item name="name" label={t('field.name')} rules={[requiredText, { max: 200 }]} extra={t('submit.hint.name')}>
              <Input data-testid="field-name" maxLength={200} />
            </Form.Item>
            <Form.Item name="company" label={t('field.company')} rules={[requiredText, { max: 200 }]}>
              <Input data-testid="field-company" maxLength={200} autoComplete="organization" />
            </Form.Item>
            <Form.Item
              name="creditCode"
              label={t('field.creditCode')}
              extra={t('submit.hint.creditCode')}
              rules={[
                {
                  validator: async (_, value: string | undefined) => {
                    const code = (value ?? '').replace(/[\s-]/g, '');
                    if (code !== '' && code.length !== 18) throw new Error(t('submit.creditCodeLength', { count: code.length }));
                  },
                },
              ]}
            >
              <Input data-testid="field-creditCode" maxLength={24} style={{ maxWidth: 320 }} spellCheck={false} autoCapitalize="characters" />
            </Form.Item>
            <Form.Item name="sector" label={t('field.sector')} rules={[required]}>
              <Select<Sector>
                data-testid="field-sector"
                style={{ maxWidth: 360 }}
                placeholder={t('submit.choose')}
                options={SECTORS.map((s) => ({ value: s, label: t(`words:sector.${s}`) }))}
              />
            </Form.Item>
          </fieldset>

          <fieldset className="officer-group">
            <legend>
              <h2>{t('submit.group.investment')}</h2>
            </legend>
            <Form.Item name="totalInvestment" label={t('field.totalInvestment')} rules={[required]} extra={t('submit.hint.amount')}>
              <MoneyInput data-testid="field-totalInvestment" />
            </Form.Item>
            <Form.Item name="expectedAnnualOutput" label={t('field.expectedAnnualOutput')} extra={t('submit.hint.amount')}>
              <MoneyInput data-testid="field-expectedAnnualOutput" />
            </Form.Item>
          </fieldset>

          <fieldset className="officer-group">
            <legend>
              <h2>{t('submit.group.land')}</h2>
            </legend>
            <Form.Item name="landAreaMu" label={t('field.landAreaMu')}>
              <InputNumber<number> data-testid="field-landAreaMu" min={0} max={1_000_000} suffix={t('unit.mu')} style={{ width: 200 }} inputMode="decimal" />
            </Form.Item>
            <Form.Item name="headcount" label={t('field.headcount')}>
              <InputNumber<number> data-testid="field-headcount" min={0} max={10_000_000} precision={0} suffix={t('unit.people')} style={{ width: 200 }} inputMode="numeric" />
            </Form.Item>
          </fieldset>

          <fieldset className="officer-group">
            <legend>
              <h2>{t('submit.group.source')}</h2>
            </legend>
            <Form.Item name="source" label={t('field.source')} rules={[required]}>
              <Radio.Group data-testid="field-source" aria-label={t('field.source')} options={SOURCES.map((s) => ({ value: s, label: t(`words:source.${s}`) }))} />
            </Form.Item>
            <Form.Item name="stage" label={t('field.stage')}>
              <Radio.Group
                data-testid="field-stage"
                aria-label={t('field.stage')}
                options={[{ value: '', label: t('submit.stageNone') }, ...STAGES.map((s) => ({ value: s, label: t(`words:stage.${s}`) }))]}
              />
            </Form.Item>
          </fieldset>

          <fieldset className="officer-group">
            <legend>
              <h2>{t('submit.group.summary')}</h2>
            </legend>
            <Form.Item name="summary" label={t('field.summary')} rules={[requiredText, { max: 10000 }]} extra={t('submit.hint.summary')}>
              <Input.TextArea data-testid="field-summary" rows={6} maxLength={10000} showCount />
            </Form.Item>
          </fieldset>

          <fieldset className="officer-group">
            <legend>
              <h2>{t('submit.group.contact')}</h2>
            </legend>
            <div className="officer-contact">
              <Form.Item name={['contact', 'name']} label={t('field.contact.name')} rules={[{ max: 200 }]}>
                <Input data-testid="field-contact.name" maxLength={200} autoComplete="off" />
              </Form.Item>
              <Form.Item name={['contact', 'title']} label={t('field.contact.title')} rules={[{ max: 200 }]}>
                <Input data-testid="field-contact.title" maxLength={200} autoComplete="off" />
              </Form.Item>
              <Form.Item name={['contact', 'phone']} label={t('field.contact.phone')} rules={[{ max: 50 }]}>
                <Input data-testid="field-contact.phone" maxLength={50} type="tel" autoComplete="off" />
              </Form.Item>
              <Form.Item name={['contact', 'email']} label={t('field.contact.email')} rules={[{ type: 'email', message: t('submit.email') }, { max: 254 }]}>
                <Input data-testid="field-contact.email" maxLength={254} type="email" autoComplete="off" />
              </Form.Item>
            </div>
          </fieldset>

          <FormFailure error={submit.error} detailed={detailed} leftover={leftover} />
          <div className="officer-actions">
            <Button type="primary" htmlType="submit" data-testid="submit-project" loading={submit.isPending}>
              {t('submit.submit')}
            </Button>
            <Button onClick={() => navigate('/projects')}>{t('common:actions.cancel')}</Button>
          </div>
        </Form>
      </div>
    </OfficerTheme>
  );
}
