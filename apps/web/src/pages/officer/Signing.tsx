import { Button, Descriptions, Form, Input } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiFailure, unwrap } from '../../api/client';
import { Money } from '../../components/bits';
import { formatDateTime } from '../../lib/format';
import type { ProjectDetail } from '../../lib/watch';
import { MoneyInput } from '../../components/MoneyInput';
import { showProblems } from './problems';
import { FormFailure } from './FormFailure';

interface Values {
  signedAt?: string;
  agreedInvestment?: number | null;
  notes?: string;
}

/** The signed agreement, once approved: POST /projects/{id}/signing (its officer or a manager). */
export function SigningForm({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation('officer');
  const [form] = Form.useForm<Values>();
  const client = useQueryClient();
  const [leftover, setLeftover] = useState<{ field: string; problem: string }[]>([]);
  const record = useMutation({
    mutationFn: (body: { signedAt: string; agreedInvestment: { amount: number; currency: 'CNY' }; notes?: string }) =>
      unwrap(api.POST('/projects/{id}/signing', { params: { path: { id: project.id } }, body })),
    onSuccess: () => client.invalidateQueries({ predicate: (q) => q.queryKey.includes(project.id) || q.queryKey[0] === 'projects' }),
    onError: (error) =>
      setLeftover(
        error instanceof ApiFailure && error.status === 400
          ? showProblems(form, error, (path) => {
              const head = path.split('.')[0];
              return head === 'signedAt' || head === 'agreedInvestment' || head === 'notes' ? [head] : null;
            })
          : [],
      ),
  });
  const detailed = record.error instanceof ApiFailure && record.error.status === 400 && (record.error.body?.details?.length ?? 0) > 0;

  return (
    <Form<Values>
      form={form}
      name="signing"
      layout="vertical"
      data-testid="signing-form"
      initialValues={{ agreedInvestment: project.totalInvestment.amount }}
      onFinish={(v) => {
        setLeftover([]);
        const notes = (v.notes ?? '').trim();
        record.mutate({
          signedAt: new Date(v.signedAt as string).toISOString(),
          agreedInvestment: { amount: v.agreedInvestment ?? 0, currency: 'CNY' },
          ...(notes ? { notes } : {}),
        });
      }}
    >
      <Form.Item
        name="signedAt"
        label={t('signing.signedAt')}
        extra={t('signing.signedAtHint')}
        rules={[
          { required: true, message: t('submit.required') },
          {
            validator: async (_, value: string | undefined) => {
              if (value && new Date(value).getTime() > Date.now()) throw new Error(t('signing.future'));
            },
          },
        ]}
      >
        <Input type="datetime-local" data-testid="signing-date" style={{ maxWidth: 260 }} />
      </Form.Item>
      <Form.Item
        name="agreedInvestment"
        label={t('signing.agreedInvestment')}
        extra={t('submit.hint.amount')}
        rules={[
          { required: true, message: t('submit.required') },
          {
            validator: async (_, value: number | null | undefined) => {
              if (value !== null && value !== undefined && value < 1) throw new Error(t('signing.positive'));
            },
          },
        ]}
      >
        <MoneyInput data-testid="signing-amount" />
      </Form.Item>
      <Form.Item name="notes" label={t('signing.notes')} rules={[{ max: 10000 }]}>
        <Input.TextArea data-testid="signing-notes" rows={3} maxLength={10000} />
      </Form.Item>
      <FormFailure error={record.error} detailed={detailed} leftover={leftover} />
      <Button type="primary" htmlType="submit" data-testid="record-signing" loading={record.isPending}>
        {t('signing.record')}
      </Button>
    </Form>
  );
}

/** The signing as recorded. */
export function SigningRecord({ signing }: { signing: NonNullable<ProjectDetail['signing']> }) {
  const { t } = useTranslation('officer');
  return (
    <Descriptions
      size="small"
      column={1}
      items={[
        { key: 'at', label: t('signing.signedAt'), children: formatDateTime(signing.signedAt) },
        { key: 'amount', label: t('signing.agreedInvestment'), children: <Money value={signing.agreedInvestment} /> },
        ...(signing.notes ? [{ key: 'notes', label: t('signing.notes'), children: <span className="officer-prewrap">{signing.notes}</span> }] : []),
      ]}
    />
  );
}
