import { ConfigProvider, Skeleton } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import Shell from './layout/Shell';
import { homeOf, useMe } from './lib/session';
import SignIn from './pages/SignIn';

// One chunk per page: sign-in and the reviewer's inbox load first; charts, the report and the
// policy editor only where they are used.
const TaskInbox = lazy(() => import('./pages/reviewer/TaskInbox'));
const TaskPage = lazy(() => import('./pages/reviewer/TaskPage'));
const Notifications = lazy(() => import('./pages/Notifications'));
const Account = lazy(() => import('./pages/Account'));
const MyProjects = lazy(() => import('./pages/officer/MyProjects'));
const SubmitProject = lazy(() => import('./pages/officer/SubmitProject'));
const ProjectPage = lazy(() => import('./pages/officer/ProjectPage'));
const Decisions = lazy(() => import('./pages/manager/Decisions'));
const Report = lazy(() => import('./pages/manager/Report'));
const Dashboard = lazy(() => import('./pages/manager/Dashboard'));
const Users = lazy(() => import('./pages/admin/Users'));
const Policy = lazy(() => import('./pages/admin/Policy'));
const NotFound = lazy(() => import('./pages/NotFound'));

function SignedIn() {
  const me = useMe();
  const location = useLocation();
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
    <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCN} theme={{ token: { colorPrimary: '#1d4ed8' } }}>
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
