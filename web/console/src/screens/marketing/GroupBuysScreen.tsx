import { useState } from 'react';
import { Button, Card, Popconfirm, Space, Tag } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { useAction, useLoad } from '../../app/hooks';
import { useSession } from '../../app/session';
import { pick } from '../../i18n';
import { DataTable } from '../../components/DataTable';
import { money } from '../../components/format';
import { ErrorState } from '../../components/ErrorState';
import { PageHeader } from '../../components/PageHeader';
import type { GroupBuy, GroupBuyStatus } from './group-buy-form';
import { GroupBuyFormModal, type GroupBuyEditing } from './GroupBuyFormModal';
import { ReportDrawer, TeamCounts, TeamsDrawer } from './GroupBuyDrawers';
import { useProducts } from './use-products';

const STATUS_COLORS: Record<GroupBuyStatus, string> = { active: 'green', paused: 'orange', ended: 'default' };

const priceRange = (a: GroupBuy) => {
  const prices = a.variants.map((v) => v.groupPrice);
  const lo = Math.min(...prices);
  const hi = Math.max(...prices);
  return lo === hi ? money(lo) : `${money(lo)} – ${money(hi)}`;
};

/**
 * Group buys (拼团): list, create and edit (marketing.manage), pause / resume, end for good, each
 * activity's teams and report. An ended activity is history: it offers its teams and report only.
 */
export default function GroupBuysScreen() {
  const { t } = useTranslation();
  const { can } = useSession();
  const writable = can('marketing.manage');
  const list = useLoad(() => api.get<{ items: GroupBuy[] }>('/group-buys').then((r) => r.items), []);
  const products = useProducts(list.data?.map((a) => a.productId) ?? []);
  const [editing, setEditing] = useState<GroupBuyEditing>(null);
  const [teamsOf, setTeamsOf] = useState<GroupBuy | null>(null);
  const [reportOf, setReportOf] = useState<GroupBuy | null>(null);
  const act = useAction(list.reload);
  const said = { active: t('groupBuys.resumedOk'), paused: t('groupBuys.pausedOk'), ended: t('groupBuys.endedOk') };
  const setStatus = (a: GroupBuy, status: GroupBuyStatus) => act(() => api.post(`/group-buys/${a.id}/status`, { status }), said[status]);

  return (
    <>
      <PageHeader title={t('groupBuys.title')} sub={t('groupBuys.subtitle')} extra={writable ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>{t('groupBuys.create')}</Button> : null} />
      <Card>
        {list.error ? <ErrorState error={list.error} onRetry={list.reload} /> : null}
        <DataTable<GroupBuy>
          label={t('groupBuys.title')}
          rowKey="id"
          size="middle"
          loading={list.loading}
          dataSource={list.data}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          columns={[
            { title: t('groupBuys.name'), key: 'name', render: (_, a) => pick(a.name) },
            { title: t('groupBuys.product'), key: 'p', render: (_, a) => { const p = products.data?.[a.productId]; return p ? pick(p.title) : '…'; } },
            { title: t('groupBuys.teamSize'), dataIndex: 'teamSize', align: 'right' },
            { title: t('groupBuys.groupPrice'), key: 'price', align: 'right', render: (_, a) => <span style={{ whiteSpace: 'nowrap' }}>{priceRange(a)}</span> },
            { title: t('groupBuys.timeLimit'), key: 'limit', align: 'right', render: (_, a) => <span style={{ whiteSpace: 'nowrap' }}>{t('groupBuys.hours', { n: +(a.timeLimitMinutes / 60).toFixed(1) })}</span> },
            { title: t('groupBuys.status'), key: 'st', render: (_, a) => <Tag color={STATUS_COLORS[a.status]}>{t(`groupBuys.statuses.${a.status}`)}</Tag> },
            { title: t('groupBuys.teamCounts'), key: 'teams', render: (_, a) => <TeamCounts id={a.id} /> },
            {
              key: 'a', align: 'right', render: (_, a) => (
                <Space size={0}>
                  {writable && a.status !== 'ended' ? <Button size="small" type="link" icon={<EditOutlined />} onClick={() => setEditing({ activity: a })}>{t('common.edit')}</Button> : null}
                  {writable && a.status === 'active' ? (
                    <Popconfirm title={t('groupBuys.pauseConfirm')} onConfirm={() => setStatus(a, 'paused')} okText={t('groupBuys.pause')}>
                      <Button size="small" type="link">{t('groupBuys.pause')}</Button>
                    </Popconfirm>
                  ) : null}
                  {writable && a.status === 'paused' ? (
                    <Popconfirm title={t('groupBuys.resumeConfirm')} onConfirm={() => setStatus(a, 'active')} okText={t('groupBuys.resume')}>
                      <Button size="small" type="link">{t('groupBuys.resume')}</Button>
                    </Popconfirm>
                  ) : null}
                  {writable && a.status !== 'ended' ? (
                    <Popconfirm title={t('groupBuys.endConfirm')} onConfirm={() => setStatus(a, 'ended')} okText={t('groupBuys.end')} okButtonProps={{ danger: true }}>
                      <Button size="small" type="link" danger>{t('groupBuys.end')}</Button>
                    </Popconfirm>
                  ) : null}
                  <Button size="small" type="link" onClick={() => setTeamsOf(a)}>{t('groupBuys.teams')}</Button>
                  <Button size="small" type="link" onClick={() => setReportOf(a)}>{t('groupBuys.report')}</Button>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <GroupBuyFormModal editing={editing} onClose={() => setEditing(null)} onChanged={list.reload} />
      <TeamsDrawer activity={teamsOf} onClose={() => setTeamsOf(null)} />
      <ReportDrawer activity={reportOf} onClose={() => setReportOf(null)} />
    </>
  );
}
