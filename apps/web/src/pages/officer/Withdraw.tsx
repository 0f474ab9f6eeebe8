import { Alert, Button, Form, Input, Modal } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiFailure, unwrap } from '../../api/client';
import { failureText } from '../../components/bits';
import { showProblems } from './problems';

/** Withdraw a project before a final decision (its officer or a manager): a reason, then confirm. */
export function Withdraw({ projectId }: { projectId: string }) {
  const { t } = useTranslation('officer');
  const { t: tc } = useTranslation();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const client = useQueryClient();
  const withdraw = useMutation({
    mutationFn: (reason: string) => unwrap(api.POST('/projects/{id}/withdraw', { params: { path: { id: projectId } }, body: { reason } })),
    onSuccess: async () => {
      setOpen(false);
      form.resetFields();
      await client.invalidateQueries({ predicate: (q) => q.queryKey.includes(projectId) || q.queryKey[0] === 'projects' });
    },
    onError: (error) => {
      if (error instanceof ApiFailure && error.status === 400) showProblems(form, error, (path) => (path === 'reason' ? ['reason'] : null));
    },
  });
  const fieldError = withdraw.error instanceof ApiFailure && withdraw.error.status === 400 && withdraw.error.body?.details?.some((d) => d.field === 'reason');

  return (
    <>
      <Button danger data-testid="withdraw" onClick={() => setOpen(true)}>
        {t('withdraw.button')}
      </Button>
      <Modal
        open={open}
        title={t('withdraw.title')}
        okText={t('withdraw.confirm')}
        okButtonProps={{ danger: true, loading: withdraw.isPending, ...({ 'data-testid': 'confirm-withdraw' } as object) }}
        onOk={() => form.submit()}
        cancelText={t('common:actions.cancel')}
        onCancel={() => {
          setOpen(false);
          withdraw.reset();
        }}
        destroyOnHidden
      >
        <p>{t('withdraw.explain')}</p>
        <Form form={form} name="withdraw" layout="vertical" onFinish={(v) => withdraw.mutate(v.reason.trim())}>
          <Form.Item name="reason" label={t('withdraw.reason')} rules={[{ required: true, whitespace: true, message: t('submit.required') }, { max: 2000 }]}>
            <Input.TextArea data-testid="withdraw-reason" rows={3} maxLength={2000} autoFocus />
          </Form.Item>
        </Form>
        {withdraw.error && !fieldError && <Alert type="error" role="alert" title={failureText(withdraw.error, tc)} />}
      </Modal>
    </>
  );
}
