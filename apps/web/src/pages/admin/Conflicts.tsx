import { Alert, Button, Drawer, Form, Input, Popconfirm, Table } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Schemas } from '../../api/client';
import { Loading } from '../../components/bits';
import { formatDate } from '../../lib/format';
import { clearChanged, FailureAlert, OtherProblems, showProblems, type Problems } from './shared';

type Conflict = Schemas['Conflict'];
interface Values {
  company?: string;
  creditCode?: string;
  reason?: string;
}

function AddConflict({ userId }: { userId: string }) {
  const { t } = useTranslation('admin');
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [leftover, setLeftover] = useState<Problems>(new Map());
  const add = useMutation({
    mutationFn: () => {
      const v = form.getFieldsValue(true) as Values;
      const creditCode = v.creditCode?.trim();
      const body = { company: v.company ?? '', reason: v.reason ?? '', ...(creditCode ? { creditCode } : {}) };
      return unwrap(api.POST('/users/{id}/conflicts', { params: { path: { id: userId } }, body }));
    },
    onMutate: () => setLeftover(new Map()),
    onError: (error) => setLeftover(showProblems(form, error)),
    onSuccess: async () => {
      form.resetFields();
      await client.invalidateQueries({ queryKey: ['users', userId, 'conflicts'] });
    },
  });
  return (
    <Form
      form={form}
      layout="vertical"
      className="admin-form admin-conflict-form"
      data-testid="conflict-form"
      onValuesChange={(changed) => setLeftover(clearChanged(form, changed, leftover))}
      onFinish={() => add.mutate()}
    >
      <h2 className="admin-h2">{t('conflicts.declare')}</h2>
      <FailureAlert error={add.error} />
      <OtherProblems problems={leftover} shown={[]} />
      <Form.Item name="company" label={t('conflicts.company')}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="creditCode" label={t('conflicts.creditCodeOptional')} extra={t('conflicts.creditCodeHint')}>
        <Input autoComplete="off" maxLength={18} />
      </Form.Item>
      <Form.Item name="reason" label={t('conflicts.reason')}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={add.isPending} data-testid="add-conflict">
        {t('conflicts.add')}
      </Button>
    </Form>
  );
}

/** A reviewer's declared conflicts of interest: the list, withdraw one, declare another. */
export function ConflictsDrawer({ user, onClose }: { user: Schemas['User']; onClose: () => void }) {
  const { t } = useTranslation('admin');
  const client = useQueryClient();
  const key = ['users', user.id, 'conflicts'];
  const conflicts = useQuery({ queryKey: key, queryFn: () => unwrap(api.GET('/users/{id}/conflicts', { params: { path: { id: user.id } } })) });
  const withdraw = useMutation({
    mutationFn: (conflictId: string) => unwrap(api.DELETE('/users/{id}/conflicts/{conflictId}', { params: { path: { id: user.id, conflictId } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  });

  return (
    <Drawer open title={t('conflicts.title', { name: user.name })} onClose={onClose} size={640} destroyOnHidden>
      <section data-testid="conflicts" aria-label={t('conflicts.title', { name: user.name })}>
        <p className="muted">{t('conflicts.explain')}</p>
        <FailureAlert error={withdraw.error} />
        <Loading query={conflicts}>
          {() => (
            <Table<Conflict>
              rowKey="id"
              className="admin-table"
              size="small"
              pagination={false}
              dataSource={conflicts.data?.items ?? []}
              locale={{ emptyText: t('conflicts.empty') }}
              onRow={(c) => ({ 'data-testid': 'conflict-row', 'data-conflict-id': c.id }) as HTMLAttributes<HTMLElement>}
              columns={[
                { key: 'company', title: t('conflicts.company'), dataIndex: 'company' },
                { key: 'creditCode', title: t('conflicts.creditCode'), render: (_, c) => c.creditCode ?? t('none') },
                { key: 'reason', title: t('conflicts.reason'), dataIndex: 'reason' },
                { key: 'createdAt', title: t('conflicts.declaredAt'), render: (_, c) => <span className="admin-nowrap">{formatDate(c.createdAt)}</span> },
                {
                  key: 'actions',
                  title: t('columns.actions'),
                  render: (_, c) => (
                    <Popconfirm
                      title={t('conflicts.withdrawConfirm', { company: c.company })}
                      okText={t('conflicts.withdraw')}
                      cancelText={t('common:actions.cancel')}
                      onConfirm={() => withdraw.mutate(c.id)}
                    >
                      <Button size="small" data-testid="withdraw-conflict" loading={withdraw.isPending && withdraw.variables === c.id}>
                        {t('conflicts.withdraw')}
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]}
            />
          )}
        </Loading>
        {withdraw.isSuccess && (
          <Alert type="success" role="status" style={{ marginTop: 12 }} title={t('conflicts.withdrawn', { company: withdraw.data.company })} />
        )}
        <AddConflict userId={user.id} />
      </section>
    </Drawer>
  );
}
