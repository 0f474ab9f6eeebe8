import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Empty, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, unwrap, type Schemas } from '../api/client';
import { failureText, Loading } from '../components/bits';
import { formatDateTime } from '../lib/format';
import './notifications.css';

type Notification = Schemas['InboxNotification'];

const PAGE = 20;

/** Where a notification leads: its task, else its project. */
function targetOf(n: Notification): string | null {
  if (n.taskId) return `/tasks/${n.taskId}`;
  if (n.projectId) return `/projects/${n.projectId}`;
  return null;
}

function Item({ n, onRead, busy }: { n: Notification; onRead: (n: Notification) => void; busy: boolean }) {
  const { t } = useTranslation();
  const unread = n.readAt === null;
  const to = targetOf(n);
  return (
    <li data-testid="notification" data-notification-id={n.id} data-unread={unread} className={unread ? 'notification notification-unread' : 'notification'}>
      <div className="notification-head">
        {unread && (
          <Tag color="blue" className="notification-flag">
            {t('notifications.unread')}
          </Tag>
        )}
        {to ? (
          <Link to={to} className="notification-subject" onClick={() => unread && onRead(n)}>
            {n.subject}
          </Link>
        ) : (
          <span className="notification-subject">{n.subject}</span>
        )}
      </div>
      <p className="notification-body">{n.body}</p>
      <div className="notification-foot">
        <time dateTime={n.createdAt} className="muted">
          {formatDateTime(n.createdAt)}
        </time>
        {unread ? (
          <Button size="small" onClick={() => onRead(n)} loading={busy} aria-label={t('notifications.markReadOf', { subject: n.subject })}>
            {t('notifications.markRead')}
          </Button>
        ) : (
          <span className="muted">{t('notifications.readAt', { at: formatDateTime(n.readAt) })}</span>
        )}
      </div>
    </li>
  );
}

/** Everything the process told me, newest first; unread ones say so in words, not only in colour. */
export default function Notifications() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const query = useInfiniteQuery({
    queryKey: ['notifications', 'all'],
    queryFn: ({ pageParam }) => unwrap(api.GET('/notifications', { params: { query: { limit: PAGE, ...(pageParam ? { cursor: pageParam } : {}) } } })),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
  const read = useMutation({
    mutationFn: (n: Notification) => unwrap(api.POST('/notifications/{id}/read', { params: { path: { id: n.id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['notifications'] }),
  });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const unread = items.filter((n) => n.readAt === null).length;

  return (
    <section className="notifications-page">
      <h1>{t('notifications.title')}</h1>
      <Loading query={query}>
        {() =>
          items.length === 0 ? (
            <Empty description={t('notifications.empty')} />
          ) : (
            <>
              <p className="muted" aria-live="polite">
                {t('notifications.summary', { count: items.length, unread })}
              </p>
              {read.error && <Alert type="error" role="alert" title={failureText(read.error, t)} style={{ marginBottom: 12 }} />}
              <ul className="notification-list" data-testid="notification-list">
                {items.map((n) => (
                  <Item key={n.id} n={n} onRead={(x) => read.mutate(x)} busy={read.isPending && read.variables?.id === n.id} />
                ))}
              </ul>
              {query.hasNextPage && (
                <Button onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage} data-testid="notifications-more">
                  {t('notifications.more')}
                </Button>
              )}
            </>
          )
        }
      </Loading>
    </section>
  );
}
