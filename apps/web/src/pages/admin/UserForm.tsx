import { Button, Checkbox, Form, Input, InputNumber, Modal, Space } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Schemas } from '../../api/client';
import { formatDate } from '../../lib/format';
import { clearChanged, FailureAlert, OtherProblems, problemsUnder, ROLES, SECTORS, showProblems, TRACKS, type Problems } from './shared';

type User = Schemas['User'];

interface Values {
  email?: string;
  name?: string;
  password?: string;
  roles?: Schemas['Role'][];
  reviewer?: { tracks?: Schemas['Track'][]; sectors?: Schemas['Sector'][]; affiliation?: string | null; maxOpenTasks?: number | null };
}

/** What the form saved: the user, and for a change the review tasks still open on them (`openTasks`). */
export type Saved = { kind: 'created'; user: User } | { kind: 'updated'; user: Schemas['UserWithOpenTasks'] };

function profileOf(values: Values): Schemas['ReviewerProfileInput'] | undefined {
  if (!values.roles?.includes('reviewer')) return undefined;
  const r = values.reviewer ?? {};
  const affiliation = r.affiliation?.trim();
  // Sent as the form holds it: the API names whatever is missing or wrong, next to its field.
  return {
    tracks: r.tracks ?? [],
    sectors: r.sectors ?? [],
    ...(affiliation ? { affiliation } : {}),
    maxOpenTasks: r.maxOpenTasks as number,
  };
}

function initialValues(user: User | null): Values {
  if (!user) return { roles: [], reviewer: { tracks: [], sectors: [], maxOpenTasks: 10 } };
  return {
    name: user.name,
    roles: user.roles,
    reviewer: user.reviewer ? { ...user.reviewer } : { tracks: [], sectors: [], maxOpenTasks: 10 },
  };
}

/** Create a user (user = null) or change one: name, roles and, for a reviewer, the reviewer profile. */
export function UserForm({ user, onClose, onSaved }: { user: User | null; onClose: () => void; onSaved: (saved: Saved) => void }) {
  const { t } = useTranslation('admin');
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const roles = Form.useWatch('roles', form) ?? [];
  const [leftover, setLeftover] = useState<Problems>(new Map());

  const save = useMutation({
    mutationFn: async (): Promise<Saved> => {
      const values = form.getFieldsValue(true) as Values;
      const reviewer = profileOf(values);
      if (!user) {
        const body = { email: values.email?.trim() ?? '', name: values.name ?? '', password: values.password ?? '', roles: values.roles ?? [], reviewer };
        return { kind: 'created', user: await unwrap(api.POST('/users', { body })) };
      }
      const body = { name: values.name ?? '', roles: values.roles ?? [], reviewer };
      return { kind: 'updated', user: await unwrap(api.PATCH('/users/{id}', { params: { path: { id: user.id } }, body })) };
    },
    onMutate: () => setLeftover(new Map()),
    onError: (error) => setLeftover(showProblems(form, error)),
    onSuccess: async (saved) => {
      await client.invalidateQueries({ queryKey: ['users'] });
      onSaved(saved);
    },
  });

  const reviewerProblem = problemsUnder(leftover, 'reviewer');
  return (
    <Modal open title={user ? t('form.editTitle', { name: user.name }) : t('form.createTitle')} footer={null} onCancel={onClose} destroyOnHidden width={720}>
      <Form
        form={form}
        layout="vertical"
        className="admin-form"
        data-testid="user-form"
        initialValues={initialValues(user)}
        onFinish={() => save.mutate()}
        onValuesChange={(changed) => setLeftover(clearChanged(form, changed, leftover))}
      >
        <FailureAlert error={save.error} />
        <OtherProblems problems={leftover} shown={['reviewer']} />
        {user ? (
          <dl className="admin-facts">
            <dt>{t('form.email')}</dt>
            <dd data-testid="user-email">{user.email}</dd>
            <dt>{t('form.locale')}</dt>
            <dd>{t(`form.locales.${user.locale}`)}</dd>
            <dt>{t('form.createdAt')}</dt>
            <dd>{formatDate(user.createdAt)}</dd>
          </dl>
        ) : (
          <Form.Item name="email" label={t('form.email')}>
            <Input type="email" autoComplete="off" />
          </Form.Item>
        )}
        <Form.Item name="name" label={t('form.name')}>
          <Input autoComplete="off" />
        </Form.Item>
        {!user && (
          <Form.Item name="password" label={t('form.password')} extra={t('form.passwordHint')}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
        <Form.Item name="roles" label={t('form.roles')}>
          <Checkbox.Group options={ROLES.map((r) => ({ value: r, label: t(`words:role.${r}`) }))} />
        </Form.Item>
        {roles.includes('reviewer') && (
          <fieldset className="admin-fieldset" data-testid="reviewer-profile">
            <legend>{t('form.reviewerProfile')}</legend>
            {reviewerProblem && (
              <div className="admin-field-error" role="alert">
                {reviewerProblem}
              </div>
            )}
            <Form.Item name={['reviewer', 'tracks']} label={t('form.tracks')}>
              <Checkbox.Group options={TRACKS.map((tr) => ({ value: tr, label: t(`words:track.${tr}`) }))} />
            </Form.Item>
            <Form.Item name={['reviewer', 'sectors']} label={t('form.sectors')}>
              <Checkbox.Group className="admin-check-grid" options={SECTORS.map((s) => ({ value: s, label: t(`words:sector.${s}`) }))} />
            </Form.Item>
            <Form.Item name={['reviewer', 'affiliation']} label={t('form.affiliation')}>
              <Input autoComplete="off" />
            </Form.Item>
            <Form.Item name={['reviewer', 'maxOpenTasks']} label={t('form.maxOpenTasks')} extra={t('form.maxOpenTasksHint')}>
              <InputNumber min={1} max={100} precision={0} />
            </Form.Item>
          </fieldset>
        )}
        <Space>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="save-user">
            {t('common:actions.save')}
          </Button>
          <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
        </Space>
      </Form>
    </Modal>
  );
}
