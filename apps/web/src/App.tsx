import { ConfigProvider, Skeleton } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import Shell from './layout/Shell';
import { hasRole, homeOf, useMe, type Me } from './lib/session';
import SignIn from './pages/SignIn';

// One chunk per page: sign-in and the reviewer's inbox load first; charts, the report and the
// policy editor only where they are used.
const loadTaskPage = () => import('./pages/reviewer/TaskPage');
const loadReport = () => import('./pages/manager/Report');
const loadProjectPage = () => import('./pages/officer/ProjectPage');
const TaskInbox = lazy(() => import('./pages/reviewer/TaskInbox'));
const TaskPage = lazy(loadTaskPage);
const Notifications = lazy(() => import('./pages/Notifications'));
const Account = lazy(() => import('./pages/Account'));
const MyProjects = lazy(() => import('./pages/officer/MyProjects'));
const SubmitProject = lazy(() => import('./pages/officer/SubmitProject'));
const ProjectPage = lazy(loadProjectPage);
const Decisions = lazy(() => import('./pages/manager/Decisions'));
const Report = lazy(loadReport);
const Dashboard = lazy(() => import('./pages/manager/Dashboard'));
const Users = lazy(() => import('./pages/admin/Users'));
const Policy = lazy(() => import('./pages/admin/Policy'));
const NotFound = lazy(() => import('./pages/NotFound'));

/**
 * Once the first page is up and the browser idles, the code of the page a person opens next from
 * their inbox (a task, a report, a project) is fetched, so that click waits only for its data.
 */
function usePrefetch(me: Me | null | undefined) {
  const { i18n } = useTranslation();
  useEffect(() => {
    if (!me) return;
    const work: Array<() => Promise<unknown>> = [];
    if (hasRole(me, 'reviewer')) work.push(loadTaskPage, () => i18n.loadNamespaces('reviewer'));
    if (hasRole(me, 'manager')) work.push(loadReport, () => i18n.loadNamespaces('manager'), () => import('./pages/manager/EChart'));
    if (hasRole(me, 'officer', 'manager', 'admin')) work.push(loadProjectPage, () => i18n.loadNamespaces('officer'));
    const idle = (fn: () => void) => ('requestIdleCallback' in window ? window.requestIdleCallback(fn, { timeout: 3000 }) : setTimeout(fn, 200));
    const timer = setTimeout(() => idle(() => work.forEach((load) => void load().catch(() => undefined))), 1000);
    return () => clearTimeout(timer);
  }, [me, i18n]);
}

/**
 * Ant Design's defaults with every text colour at 4.5:1 or more on white (WCAG AA; axe-core checks
 * each page): its light greys for hints, empty states and descriptions, and its link blue, are
 * below that.
 */
const THEME = {
  token: {
    colorPrimary: '#1d4ed8',
    colorLink: '#1d4ed8',
    colorError: '#b91c1c',
    colorWarning: '#b45309',
    colorSuccess: '#15803d',
    colorTextSecondary: '#475569',
    colorTextTertiary: '#475569',
    colorTextQuaternary: '#64748b',
    colorTextDescription: '#475569',
    colorTextDisabled: '#64748b',
    colorTextPlaceholder: '#64748b',
  },
};

function SignedIn() {
  const me = useMe();
  const location = useLocation();
  usePrefetch(me.data);
  if (me.isPending) return <Skeleton active />;
  if (!me.data) return <Navigate to="/signin" replace state={{ from: location.pathname + location.search }} />;
  return <Shell me={me.data} />;
}

function Home() {
  const me = useMe();
  return me.data ? <Navigate to={homeOf(me.data)} replace /> : null;
}

export default function App() {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCN} theme={THEME}>
      <BrowserRouter basename="/app">
        <Suspense fallback={<Skeleton active />}>
          <Routes>
            <Route path="/signin" element={<SignIn />} />
            <Route element={<SignedIn />}>
              <Route index element={<Home />} />
              <Route path="/tasks" element={<TaskInbox />} />
              <Route path="/tasks/:id" element={<TaskPage />} />
              <Route path="/notifications" element={<Notifications />} />
              <Route path="/account" element={<Account />} />
              <Route path="/projects" element={<MyProjects />} />
              <Route path="/projects/new" element={<SubmitProject />} />
              <Route path="/projects/:id" element={<ProjectPage />} />
              <Route path="/projects/:id/report" element={<Report />} />
              <Route path="/decisions" element={<Decisions />} />
              <Route path="/dashboard" element={<Dashboard />} />
              <Route path="/admin/users" element={<Users />} />
              <Route path="/admin/policy" element={<Policy />} />
              <Route path="*" element={<NotFound />} />
            </Route>
          </Routes>
        </Suspense>
      </BrowserRouter>
    </ConfigProvider>
  );
}
