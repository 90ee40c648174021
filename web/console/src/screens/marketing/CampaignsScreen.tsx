import { useContext } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Button, Card, Space, Tabs } from 'antd';
import { BarChartOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { useLoad } from '../../app/hooks';
import { useSession } from '../../app/session';
import { pick } from '../../i18n';
import { DataTable } from '../../components/DataTable';
import { ErrorState } from '../../components/ErrorState';
import { StoreTimeZone } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import type { Campaign } from '../../types';
import { localDay, monthSpan } from './campaign-calendar';
import { CampaignCalendar, CampaignWhen } from './CampaignCalendar';
import { KindTag, StateTag, StatusTag } from './campaign-tags';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** 营销 → 活动: every campaign on a month calendar (the default) or in a list, newest first. */
export default function CampaignsScreen() {
  const { t } = useTranslation();
  const { can } = useSession();
  const navigate = useNavigate();
  const tz = useContext(StoreTimeZone);
  const [params, setParams] = useSearchParams();
  const view = params.get('view') === 'list' ? 'list' : 'calendar';
  const asked = params.get('month');
  const month = asked && MONTH.test(asked) ? asked : localDay(Date.now(), tz).slice(0, 7);
  const set = (patch: Record<string, string | null>) =>
    setParams((current) => {
      const p = new URLSearchParams(current);
      for (const [k, v] of Object.entries(patch)) {
        if (v === null) p.delete(k);
        else p.set(k, v);
      }
      return p;
    });

  const span = monthSpan(month);
  const calendar = useLoad(
    () => (view === 'calendar' ? api.get<{ items: Campaign[] }>('/campaigns', { from: span.fromInstant, to: span.toInstant }).then((r) => r.items) : Promise.resolve(undefined)),
    [view, month],
  );
  const list = useLoad(() => (view === 'list' ? api.get<{ items: Campaign[] }>('/campaigns').then((r) => r.items) : Promise.resolve(undefined)), [view]);
  const current = view === 'calendar' ? calendar : list;

  return (
    <>
      <PageHeader
        title={t('campaigns.title')}
        sub={t('campaigns.subtitle')}
        extra={can('marketing.manage') ? <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/marketing/campaigns/new')}>{t('campaigns.create')}</Button> : null}
      />
      <Card>
        <Tabs
          activeKey={view}
          onChange={(k) => set({ view: k === 'list' ? 'list' : null })}
          items={[{ key: 'calendar', label: t('campaigns.calendar') }, { key: 'list', label: t('campaigns.list') }]}
        />
        {current.error ? <ErrorState error={current.error} onRetry={current.reload} /> : null}
        {view === 'calendar' ? (
          <CampaignCalendar month={month} onMonth={(m) => set({ month: m })} campaigns={calendar.data} loading={calendar.loading} />
        ) : (
          <DataTable<Campaign>
            label={t('campaigns.title')}
            rowKey="id"
            size="middle"
            loading={list.loading}
            dataSource={list.data}
            pagination={{ pageSize: 20, showSizeChanger: false }}
            columns={[
              { title: t('campaigns.name'), key: 'name', render: (_, c) => <Link to={`/marketing/campaigns/${c.id}`}>{pick(c.name)}</Link> },
              { title: t('campaigns.kind'), key: 'kind', render: (_, c) => <KindTag kind={c.kind} /> },
              { title: t('campaigns.window'), key: 'window', render: (_, c) => <CampaignWhen c={c} /> },
              { title: t('campaigns.status'), key: 'status', render: (_, c) => <StatusTag status={c.status} /> },
              { title: t('campaigns.state'), key: 'state', render: (_, c) => <StateTag state={c.state} /> },
              {
                key: 'a', align: 'right', render: (_, c) => (
                  <Space size={0}>
                    <Button size="small" type="link" icon={<EditOutlined />} onClick={() => navigate(`/marketing/campaigns/${c.id}`)}>{can('marketing.manage') ? t('common.edit') : t('common.details')}</Button>
                    <Button size="small" type="link" icon={<BarChartOutlined />} onClick={() => navigate(`/marketing/campaigns/${c.id}/report`)}>{t('campaigns.report')}</Button>
                  </Space>
                ),
              },
            ]}
          />
        )}
      </Card>
    </>
  );
}
