import { Alert, Button, Input, Select, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Schemas } from '../../api/client';
import { Loading } from '../../components/bits';
import { formatDate } from '../../lib/format';
import { hasRole, useMe } from '../../lib/session';
import { AccountStatusDialog, changeStatus, type StatusChange, type StatusChanged } from './AccountStatus';
import { ConflictsDrawer } from './Conflicts';
import { FailureAlert, ROLES, SECTORS } from './shared';
import { UserForm, type Saved } from './UserForm';
import './admin.css';

type User = Schemas['User'];
type Role = Schemas['Role'];

type Open = { kind: 'create' } | { kind: 'edit'; user: User } | { kind: 'status'; user: User; change: StatusChange } | { kind: 'conflicts'; user: User } | null;
type Notice = Saved | StatusChanged;

function Tags({ values }: { values: string[] }) {
  const { t } = useTranslation('admin');
  if (values.length === 0) return <span className="muted">{t('none')}</span>;
  return (
    <span className="admin-tags">
      {values.map((v) => (
        <Tag key={v}>{v}</Tag>
      ))}
    </span>
  );
}

/** What the last action did, in a sentence; a deactivation that left tasks open can be repeated. */
function NoticeBanner({ notice, onClose, onRetried }: { notice: Notice; onClose: () => void; onRetried: (n: StatusChanged) => void }) {
  const { t } = useTranslation('admin');
  const client = useQueryClient();
  const retry = useMutation({
    mutationFn: (n: StatusChanged) => changeStatus(n.change, n.user, n.reason),
    onSuccess: async (n) => {
      await client.invalidateQueries({ queryKey: ['users'] });
      onRetried(n);
    },
  });
  const name = notice.user.name;
  let text: string;
  let open = 0;
  if ('kind' in notice) {
    open = notice.kind === 'updated' ? notice.user.openTasks : 0;
    text = notice.kind === 'created' ? t('notice.created', { name }) : t('notice.updated', { name });
    if (open > 0) text = `${text} ${t('notice.updatedOpenTasks', { count: open })}`;
  } else if (notice.change === 'deactivate') {
    open = notice.openTasks ?? 0;
    text = open > 0 ? t('notice.deactivatedOpenTasks', { name, count: open }) : t('notice.deactivated', { name });
  } else {
    text = t('notice.reactivated', { name });
  }
  const canRetry = !('kind' in notice) && notice.change === 'deactivate' && open > 0;
  return (
    <Alert
      type={open > 0 ? 'warning' : 'success'}
      role="status"
      data-testid="user-notice"
      data-open-tasks={open}
      style={{ marginBottom: 16 }}
      title={text}
      description={retry.error ? <FailureAlert error={retry.error} /> : undefined}
      closable={{ onClose, 'aria-label': t('notice.dismiss') }}
      action={
        canRetry ? (
          <Button size="small" loading={retry.isPending} onClick={() => retry.mutate(notice)} data-testid="retry-deactivate">
            {t('notice.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}

function useColumns(isAdmin: boolean, setOpen: (o: Open) => void): ColumnsType<User> {
  const { t } = useTranslation('admin');
  const columns: ColumnsType<User> = [
    { key: 'name', title: t('columns.name'), dataIndex: 'name', width: 130, sorter: (a, b) => a.name.localeCompare(b.name) },
    { key: 'email', title: t('columns.email'), dataIndex: 'email', width: 180 },
    { key: 'roles', title: t('columns.roles'), width: 100, render: (_, u) => <Tags values={u.roles.map((r) => t(`words:role.${r}`))} /> },
    {
      key: 'tracks',
      title: t('columns.tracks'),
      width: 100,
      render: (_, u) => <Tags values={(u.reviewer?.tracks ?? []).map((tr) => t(`words:track.${tr}`))} />,
    },
    {
      key: 'sectors',
      title: t('columns.sectors'),
      width: 210,
      render: (_, u) => {
        const sectors = u.reviewer?.sectors ?? [];
        // All nine read as one word; the list itself says nothing more.
        if (sectors.length === SECTORS.length) return <Tag>{t('allSectors', { count: sectors.length })}</Tag>;
        return <Tags values={sectors.map((s) => t(`words:sector.${s}`))} />;
      },
    },
    {
      key: 'affiliation',
      title: t('columns.affiliation'),
      width: 140,
      render: (_, u) => u.reviewer?.affiliation || <span className="muted">{t('none')}</span>,
    },
    {
      key: 'maxOpenTasks',
      title: t('columns.maxOpenTasks'),
      width: 80,
      align: 'right',
      render: (_, u) => u.reviewer?.maxOpenTasks ?? <span className="muted">{t('none')}</span>,
    },
    {
      key: 'status',
      title: t('columns.status'),
      width: 110,
      sorter: (a, b) => Number(b.active) - Number(a.active),
      render: (_, u) =>
        u.active ? (
          <Tag className="admin-tag-active" data-active="true">
            {t('state.active')}
          </Tag>
        ) : (
          <Tag className="admin-tag-inactive" data-active="false">
            {u.deactivatedAt ? t('state.deactivatedOn', { date: formatDate(u.deactivatedAt) }) : t('state.deactivated')}
          </Tag>
        ),
    },
  ];
  if (!isAdmin) return columns;
  columns.push({
    key: 'actions',
    title: t('columns.actions'),
    fixed: 'right',
    width: 170,
    render: (_, u) => (
      <Space size="small" wrap>
        <Button
          size="small"
          autoInsertSpace={false}
          onClick={() => setOpen({ kind: 'edit', user: u })}
          data-testid="edit-user"
          aria-label={t('actions.editFor', { name: u.name })}
        >
          {t('actions.edit')}
        </Button>
        {u.active ? (
          <Button
            size="small"
            autoInsertSpace={false}
            onClick={() => setOpen({ kind: 'status', user: u, change: 'deactivate' })}
            data-testid="deactivate-user"
            aria-label={t('actions.deactivateFor', { name: u.name })}
          >
            {t('actions.deactivate')}
          </Button>
        ) : (
          <Button
            size="small"
            autoInsertSpace={false}
            onClick={() => setOpen({ kind: 'status', user: u, change: 'reactivate' })}
            data-testid="reactivate-user"
            aria-label={t('actions.reactivateFor', { name: u.name })}
          >
            {t('actions.reactivate')}
          </Button>
        )}
        {u.roles.includes('reviewer') && (
          <Button
            size="small"
            autoInsertSpace={false}
            onClick={() => setOpen({ kind: 'conflicts', user: u })}
            data-testid="show-conflicts"
            aria-label={t('actions.conflictsFor', { name: u.name })}
          >
            {t('actions.conflicts')}
          </Button>
        )}
      </Space>
    ),
  });
  return columns;
}

/** Users and reviewer pools: admins and managers list them, admins change them. */
export default function Users() {
  const { t } = useTranslation('admin');
  const isAdmin = hasRole(useMe().data, 'admin');
  const [role, setRole] = useState<Role | 'all'>('all');
  const [search, setSearch] = useState('');
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const users = useQuery({
    queryKey: ['users', { role }],
    queryFn: () => unwrap(api.GET('/users', { params: { query: role === 'all' ? {} : { role } } })),
  });
  const columns = useColumns(isAdmin, setOpen);
  const needle = search.trim().toLowerCase();
  const rows = (users.data?.items ?? []).filter((u) => !needle || u.name.toLowerCase().includes(needle) || u.email.toLowerCase().includes(needle));

  return (
    <div className="admin-page">
      <div className="admin-title">
        <h1>{t('users.title')}</h1>
        {isAdmin && (
          <Button type="primary" onClick={() => setOpen({ kind: 'create' })} data-testid="create-user">
            {t('users.create')}
          </Button>
        )}
      </div>
      <p className="muted">{isAdmin ? t('users.intro') : t('users.introReadOnly')}</p>
      {notice && <NoticeBanner notice={notice} onClose={() => setNotice(null)} onRetried={setNotice} />}
      <div className="admin-filters" role="search">
        <label htmlFor="user-role-filter">{t('users.filterRole')}</label>
        <Select<Role | 'all'>
          id="user-role-filter"
          value={role}
          onChange={setRole}
          style={{ minWidth: 180 }}
          options={[{ value: 'all', label: t('users.allRoles') }, ...ROLES.map((r) => ({ value: r, label: t(`words:role.${r}`) }))]}
          data-testid="role-filter"
        />
        <label htmlFor="user-search">{t('users.search')}</label>
        <Input id="user-search" allowClear value={search} onChange={(e) => setSearch(e.target.value)} style={{ maxWidth: 260 }} />
      </div>
      <Loading query={users}>
        {() => (
          <div data-testid="user-table">
            <Table<User>
              rowKey="id"
              className="admin-table"
              size="small"
              columns={columns}
              dataSource={rows}
              pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
              tableLayout="fixed"
              scroll={{ x: 1220 }}
              locale={{ emptyText: t('users.empty') }}
              rowClassName={(u) => (u.active ? '' : 'admin-row-inactive')}
              onRow={(u) => ({ 'data-testid': 'user-row', 'data-user-id': u.id, 'data-active': String(u.active) }) as HTMLAttributes<HTMLElement>}
              footer={() => t('users.count', { count: rows.length })}
            />
          </div>
        )}
      </Loading>
      {open?.kind === 'create' && (
        <UserForm
          user={null}
          onClose={() => setOpen(null)}
          onSaved={(s) => {
            setOpen(null);
            setNotice(s);
          }}
        />
      )}
      {open?.kind === 'edit' && (
        <UserForm
          user={open.user}
          onClose={() => setOpen(null)}
          onSaved={(s) => {
            setOpen(null);
            setNotice(s);
          }}
        />
      )}
      {open?.kind === 'status' && (
        <AccountStatusDialog
          user={open.user}
          change={open.change}
          onClose={() => setOpen(null)}
          onDone={(r) => {
            setOpen(null);
            setNotice(r);
          }}
        />
      )}
      {open?.kind === 'conflicts' && <ConflictsDrawer user={open.user} onClose={() => setOpen(null)} />}
    </div>
  );
}
