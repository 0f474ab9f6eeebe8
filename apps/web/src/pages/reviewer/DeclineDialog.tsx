import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api, fieldProblems, unwrap } from '../../api/client';
import { failureText } from '../../components/bits';
import { retryWhileAssigning, stillBeingAssigned, type Task } from './review-form';

/**
 * Declining a task: a reason, and whether it is a conflict of interest with the company (which also
 * keeps the reviewer off the company's later projects). A replacement reviewer is assigned.
 */
export function DeclineDialog({ task, onDeclining, onFailed }: { task: Task; onDeclining: () => Promise<unknown>; onFailed: () => void }) {
  const { t } = useTranslation('reviewer');
  const { t: tc } = useTranslation('common');
  const client = useQueryClient();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [conflict, setConflict] = useState(false);
  const [missing, setMissing] = useState(false);
  const [waiting, setWaiting] = useState(0);

  const decline = useMutation({
    mutationFn: async () => {
      await onDeclining();
      return retryWhileAssigning(
        () => unwrap(api.POST('/tasks/{id}/decline', { params: { path: { id: task.id } }, body: { reason: reason.trim(), conflictOfInterest: conflict } })),
        setWaiting,
      );
    },
    onSuccess: async () => {
      setOpen(false);
      await client.invalidateQueries({ queryKey: ['tasks'] });
      client.removeQueries({ queryKey: ['task', task.id] });
      navigate('/tasks', { state: { declined: task.id } });
    },
    onError: onFailed,
    onSettled: () => setWaiting(0),
  });

  const confirm = () => {
    if (reason.trim() === '') {
      setMissing(true);
      return;
    }
    decline.mutate();
  };

  const reasonProblems = missing ? [t('decline.reasonRequired')] : fieldProblems(decline.error).get('reason');
  return (
    <>
      <Button data-testid="decline-open" onClick={() => setOpen(true)}>
        {t('decline.open')}
      </Button>
      <Modal
        open={open}
        title={t('decline.title')}
        onCancel={() => setOpen(false)}
        destroyOnHidden
        footer={[
          <Button key="cancel" onClick={() => setOpen(false)}>
            {t('common:actions.cancel')}
          </Button>,
          <Button key="confirm" type="primary" danger className="decline-confirm" data-testid="decline-confirm" loading={decline.isPending} onClick={confirm}>
            {t('decline.confirm')}
          </Button>,
        ]}
      >
        <p>{t('decline.intro')}</p>
        <div className="field-block">
          <label className="field-label" htmlFor="decline-reason">
            {t('decline.reason')}
          </label>
          <Input.TextArea
            id="decline-reason"
            data-testid="decline-reason"
            value={reason}
            maxLength={2000}
            autoSize={{ minRows: 3, maxRows: 8 }}
            autoFocus
            status={reasonProblems ? 'error' : undefined}
            aria-required
            aria-invalid={reasonProblems ? true : undefined}
            aria-describedby={reasonProblems ? 'decline-reason-error' : undefined}
            onChange={(e) => {
              setReason(e.target.value);
              setMissing(false);
            }}
          />
          {reasonProblems && (
            <span className="field-error" id="decline-reason-error">
              {reasonProblems.join(' ')}
            </span>
          )}
        </div>
        <Checkbox data-testid="decline-conflict" checked={conflict} onChange={(e) => setConflict(e.target.checked)}>
          {t('decline.conflict')}
        </Checkbox>
        {conflict && <p className="muted" style={{ marginTop: 8 }}>{t('decline.conflictNote')}</p>}
        {waiting > 0 && <Alert type="info" role="status" style={{ marginTop: 12 }} title={t('assigning.waiting')} />}
        {decline.error && !fieldProblems(decline.error).size && (
          <Alert
            type="error"
            role="alert"
            style={{ marginTop: 12 }}
            title={stillBeingAssigned(decline.error) ? t('assigning.gaveUp') : failureText(decline.error, tc)}
          />
        )}
      </Modal>
    </>
  );
}
