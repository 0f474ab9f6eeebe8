import { Button, Form, Input, Modal, Space } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Schemas } from '../../api/client';
import { clearChanged, FailureAlert, OtherProblems, showProblems, type Problems } from './shared';

type User = Schemas['User'];
export type StatusChange = 'deactivate' | 'reactivate';

/** What a deactivation or reactivation answered; `openTasks` only for a deactivation. */
export interface StatusChanged {
  change: StatusChange;
  user: User;
  openTasks?: number;
  reason: string;
}

/** One call of POST /users/{id}/deactivate|reactivate (also the "try again" of a deactivation). */
export async function changeStatus(change: StatusChange, user: User, reason: string): Promise<StatusChanged> {
  const params = { path: { id: user.id } };
  if (change === 'deactivate') {
    const answer = await unwrap(api.POST('/users/{id}/deactivate', { params, body: { reason } }));
    return { change, user: answer, openTasks: answer.openTasks, reason };
  }
  return { change, user: await unwrap(api.POST('/users/{id}/reactivate', { params, body: { reason } })), reason };
}

/** Deactivate (or reactivate) a user, with the reason the API logs. */
export function AccountStatusDialog({
  user,
  change,
  onClose,
  onDone,
}: {
  user: User;
  change: StatusChange;
  onClose: () => void;
  onDone: (result: StatusChanged) => void;
}) {
  const { t } = useTranslation('admin');
  const client = useQueryClient();
  const [form] = Form.useForm<{ reason?: string }>();
  const [leftover, setLeftover] = useState<Problems>(new Map());
  const run = useMutation({
    mutationFn: () => changeStatus(change, user, (form.getFieldValue('reason') as string | undefined) ?? ''),
    onMutate: () => setLeftover(new Map()),
    onError: (error) => setLeftover(showProblems(form, error)),
    onSuccess: async (result) => {
      await client.invalidateQueries({ queryKey: ['users'] });
      onDone(result);
    },
  });

  return (
    <Modal open title={t(`status.${change}Title`, { name: user.name })} footer={null} onCancel={onClose} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        className="admin-form"
        data-testid="account-status-form"
        onValuesChange={(changed) => setLeftover(clearChanged(form, changed, leftover))}
        onFinish={() => run.mutate()}
      >
        <p>{t(`status.${change}Explain`)}</p>
        <FailureAlert error={run.error} />
        <OtherProblems problems={leftover} shown={[]} />
        <Form.Item name="reason" label={t('status.reason')}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={run.isPending} data-testid="confirm-account-status">
            {t(`status.${change}Confirm`)}
          </Button>
          <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
        </Space>
      </Form>
    </Modal>
  );
}
