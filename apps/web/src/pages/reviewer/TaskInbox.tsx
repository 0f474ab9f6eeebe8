import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Alert, Empty, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { api, unwrap, type Schemas } from '../../api/client';
import { Due, Loading } from '../../components/bits';
import { dueState, formatDate } from '../../lib/format';
import { useMe } from '../../lib/session';
import './reviewer.css';

type Task = Schemas['TaskSummary'];

/**
 * Open tasks first, the one due soonest (or most overdue) on top; then the closed ones, the most
 * recently closed first. Kept to plain HTML and antd Tag / Empty: this page is in the initial-JS budget.
 */
function ordered(tasks: Task[]): { open: Task[]; closed: Task[] } {
  const open = tasks.filter((t) => t.status === 'open').sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  const closed = tasks
    .filter((t) => t.status !== 'open')
    .sort((a, b) => (b.closedAt ?? b.dueAt).localeCompare(a.closedAt ?? a.dueAt));
  return { open, closed };
}

function TaskRow({ task }: { task: Task }) {
  const { t } = useTranslation('reviewer');
  const state = task.status === 'open' ? dueState(task.dueAt) : 'closed';
  return (
    <tr data-testid="task-row" data-task-id={task.id} data-due={state} className={`task-row task-row-${state}`}>
      <td>
        <Link to={`/tasks/${task.id}`} className="task-link">
          {task.project?.name ?? t('inbox.withheld')}
        </Link>
        {task.project && <div className="muted">{task.project.company}</div>}
      </td>
      <td>{t(`words:track.${task.track}`)}</td>
      <td>{t('round', { n: task.round + 1 })}</td>
      <td>
        {task.status === 'open' ? (
          // Overdue says so in its own words; due soon gets the words too, not only the colour.
          <span className="due-cell">
            {state === 'soon' && <strong className="due-flag due-flag-soon">{t('common:due.soon')}</strong>}
            <Due at={task.dueAt} />
          </span>
        ) : (
          <span className="muted">{t('inbox.closedOn', { date: formatDate(task.closedAt ?? task.dueAt) })}</span>
        )}
      </td>
      <td>
        <Tag color={task.status === 'open' ? 'blue' : 'default'} data-status={task.status}>
          {t(`words:taskStatus.${task.status}`)}
        </Tag>
      </td>
    </tr>
  );
}

function TaskTable({ tasks }: { tasks: Task[] }) {
  const { t } = useTranslation('reviewer');
  const { open, closed } = ordered(tasks);
  return (
    <div className="table-wrap">
      <table className="task-table" data-testid="task-list">
        <caption className="visually-hidden">{t('inbox.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('inbox.project')}</th>
            <th scope="col">{t('inbox.track')}</th>
            <th scope="col">{t('inbox.round')}</th>
            <th scope="col">{t('inbox.due')}</th>
            <th scope="col">{t('inbox.status')}</th>
          </tr>
        </thead>
        <tbody>
          <tr className="task-group">
            <th scope="rowgroup" colSpan={5}>
              {t('inbox.openGroup', { count: open.length })}
            </th>
          </tr>
          {open.length === 0 ? (
            <tr>
              <td colSpan={5} className="muted">
                {t('inbox.noOpen')}
              </td>
            </tr>
          ) : (
            open.map((task) => <TaskRow key={task.id} task={task} />)
          )}
        </tbody>
        {closed.length > 0 && (
          <tbody>
            <tr className="task-group">
              <th scope="rowgroup" colSpan={5}>
                {t('inbox.closedGroup', { count: closed.length })}
              </th>
            </tr>
            {closed.map((task) => (
              <TaskRow key={task.id} task={task} />
            ))}
          </tbody>
        )}
      </table>
    </div>
  );
}

/**
 * A reviewer has a handful of open tasks: their pages' data is fetched while the inbox is read, so
 * opening one shows its rubric at once (the page still asks again for the latest).
 */
function usePrefetchOpenTasks(tasks: readonly Task[]) {
  const client = useQueryClient();
  const open = tasks.filter((task) => task.status === 'open').slice(0, 10).map((task) => task.id).join(',');
  useEffect(() => {
    for (const id of open ? open.split(',') : []) {
      void client.prefetchQuery({ queryKey: ['task', id], queryFn: () => unwrap(api.GET('/tasks/{id}', { params: { path: { id } } })), staleTime: 30_000 });
    }
  }, [open, client]);
}

/** The reviewer's home: what waits for me, oldest due first, then what I have done. */
export default function TaskInbox() {
  const { t } = useTranslation('reviewer');
  const me = useMe().data;
  const declined = (useLocation().state as { declined?: string } | null)?.declined;
  // New tasks arrive from the process: asked again every minute and when the window regains focus.
  const query = useQuery({ queryKey: ['tasks', 'mine'], queryFn: () => unwrap(api.GET('/tasks')), refetchInterval: 60_000 });
  // A manager or admin who also reviews gets every task from GET /tasks: this page is their own.
  const mine = (query.data?.items ?? []).filter((task) => !me || task.assignee.id === me.id);
  usePrefetchOpenTasks(mine);
  return (
    <section className="reviewer-page">
      <h1>{t('inbox.title')}</h1>
      <p className="muted">{t('inbox.intro')}</p>
      {declined && <Alert type="success" role="status" showIcon title={t('inbox.declined')} style={{ marginBottom: 16 }} />}
      <Loading query={query}>
        {() => (mine.length === 0 ? <Empty description={t('inbox.empty')} /> : <TaskTable tasks={mine} />)}
      </Loading>
    </section>
  );
}
