import { Badge, Button, Layout, Segmented, Skeleton, Space } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useNavigate } from 'react-router-dom';
import { api, unwrap } from '../api/client';
import { LOCALES, switchLocale, type Locale } from '../i18n';
import { hasRole, useSignOut, type Me } from '../lib/session';

interface NavItem {
  to: string;
  label: string;
}

function navFor(me: Me, t: (k: string) => string): NavItem[] {
  const items: NavItem[] = [];
  if (hasRole(me, 'reviewer')) items.push({ to: '/tasks', label: t('nav.tasks') });
  if (hasRole(me, 'officer')) items.push({ to: '/projects', label: t('nav.projects') });
  if (hasRole(me, 'manager')) items.push({ to: '/decisions', label: t('nav.decisions') }, { to: '/dashboard', label: t('nav.dashboard') });
  if (hasRole(me, 'manager', 'admin') && !hasRole(me, 'officer')) items.push({ to: '/projects', label: t('nav.allProjects') });
  if (hasRole(me, 'admin')) items.push({ to: '/admin/users', label: t('nav.users') }, { to: '/admin/policy', label: t('nav.policy') });
  return items;
}

/** Unread notifications, refreshed every minute and whenever the window regains focus. */
function useUnread() {
  return useQuery({
    queryKey: ['notifications', 'unread'],
    queryFn: () => unwrap(api.GET('/notifications', { params: { query: { unread: 'true', limit: 100 } } })),
    refetchInterval: 60_000,
  });
}

/** The frame of every signed-in page: who you are, where you can go, your language, sign-out. */
export default function Shell({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const signOut = useSignOut();
  const unread = useUnread().data?.items.length ?? 0;

  const switchLanguage = async (locale: Locale) => {
    await switchLocale(locale);
    // The account remembers it: e-mails and server-made words follow.
    await api.PATCH('/me', { body: { locale } });
    await client.invalidateQueries();
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header className="shell-header">
        <strong className="shell-brand">{t('app.name')}</strong>
        <nav aria-label={t('nav.main')} className="shell-nav">
          {navFor(me, t).map((item) => (
            <NavLink key={item.to} to={item.to} className={({ isActive }) => (isActive ? 'active' : '')}>
              {item.label}
            </NavLink>
          ))}
        </nav>
        <Space size="middle" className="shell-tools">
          <NavLink to="/notifications" className="shell-link">
            <Badge count={unread} size="small" title={undefined}>
              <span className="shell-link">{t('nav.notifications')}</span>
            </Badge>
          </NavLink>
          <Segmented
            aria-label={t('nav.language')}
            size="small"
            value={i18n.language}
            options={LOCALES.map((l) => ({ value: l, label: l === 'zh-CN' ? '中文' : 'EN' }))}
            onChange={(v) => void switchLanguage(v as Locale)}
          />
          <NavLink to="/account" className="shell-link">
            {me.name}
          </NavLink>
          <Button
            size="small"
            onClick={async () => {
              await signOut();
              navigate('/signin');
            }}
          >
            {t('nav.signOut')}
          </Button>
        </Space>
      </Layout.Header>
      {/* antd's Content is the page's <main> landmark. */}
      <Layout.Content className="shell-content">
        <Suspense fallback={<Skeleton active />}>
          <Outlet />
        </Suspense>
      </Layout.Content>
    </Layout>
  );
}
