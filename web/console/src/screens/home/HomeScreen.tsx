import { Card, Space, Button } from 'antd';
import { lazy, Suspense } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../app/session';
import { visibleNavigation, isGroup } from '../../app/navigation';
import { navIcons } from '../../app/nav-icons';
import { PageHeader } from '../../components/PageHeader';
import { Loading } from '../../components/Loading';

// The figures and the ECharts chart are their own chunk: roles without reports.read never load them.
const Dashboard = lazy(() => import('./Dashboard'));

/** Today against yesterday (adminTodayNumbers) and daily GMV (adminGmvSeries), for reports.read. */
export default function HomeScreen() {
  const { t } = useTranslation();
  const me = useMe();
  if (!me.permissions.includes('reports.read')) return <Shortcuts />;
  return (
    <>
      <PageHeader title={t('home.title')} sub={t('home.greeting', { name: me.staff.name })} />
      <Suspense fallback={<Loading />}>
        <Dashboard />
      </Suspense>
    </>
  );
}

/** For roles without reports: a start page with the screens they can open. */
function Shortcuts() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const items = visibleNavigation(me.permissions).flatMap((e) => (isGroup(e) ? e.children : e.path === '/' ? [] : [e]));
  return (
    <>
      <PageHeader title={t('home.title')} sub={t('home.greeting', { name: me.staff.name })} />
      <Card title={t('home.shortcuts')}>
        <Space wrap size="middle">
          {items.map((i) => (
            <Button key={i.key} size="large" icon={navIcons[i.icon]} onClick={() => navigate(i.path)}>
              {t(i.label)}
            </Button>
          ))}
        </Space>
      </Card>
    </>
  );
}
