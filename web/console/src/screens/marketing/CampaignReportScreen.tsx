import { useContext, useMemo } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Button, Card, Col, Empty, Flex, Progress, Row, Statistic, Typography } from 'antd';
import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { useLoad } from '../../app/hooks';
import { useNarrow } from '../../app/responsive';
import { pick } from '../../i18n';
import { DataTable } from '../../components/DataTable';
import { ErrorState } from '../../components/ErrorState';
import { Money, StoreTimeZone, money } from '../../components/format';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import type { Campaign, CampaignReport } from '../../types';
import { localDay } from './campaign-calendar';
import { progress } from './campaign-form';
import { dailySeries } from './campaign-report';
import { channelLabel } from './campaign-tags';
import { ReportChart } from './ReportChart';

type ChannelRow = CampaignReport['byChannel'][number];

/** Axis labels in yuan: 万 in Chinese, k in English. */
const compact = (lang: string) => (v: number) => (lang === 'en' ? (v >= 1_000 ? `${v / 1_000}k` : String(v)) : v >= 10_000 ? `${v / 10_000}万` : String(v));

/**
 * A campaign's results (adminCampaignReport): totals with ROI and goal progress, then by channel (a
 * bar chart and the same figures as a table) and by day. Money arrives in fen.
 */
export default function CampaignReportScreen() {
  const { t, i18n } = useTranslation();
  const { id } = useParams<{ id: string }>();
  const navigate = useNavigate();
  const narrow = useNarrow();
  const campaign = useLoad(() => api.get<Campaign>(`/campaigns/${id}`), [id]);
  const report = useLoad(() => api.get<CampaignReport>(`/campaigns/${id}/report`), [id]);
  const r = report.data;
  const tz = useContext(StoreTimeZone);
  const c0 = campaign.data;
  const days = useMemo(
    () => (r && c0 ? dailySeries(r.byDay, { first: localDay(c0.startsAt, tz), last: localDay(Date.parse(c0.endsAt) - 1, tz) }, localDay(Date.now(), tz)) : []),
    [r, c0, tz],
  );
  const lang = i18n.language;

  const gmvLabel = t('campaigns.gmv');
  const discountLabel = t('campaigns.discount');
  const ordersLabel = t('campaigns.orders');
  const grid = narrow ? { left: 44, right: 36, top: 64, bottom: 40 } : { left: 64, right: 56, top: 40, bottom: 40 };
  const tooltip = (params: Array<{ axisValue: string; seriesName: string; value: number; marker: string }>) =>
    [params[0]?.axisValue, ...params.map((p) => `${p.marker}${p.seriesName}: ${p.seriesName === ordersLabel ? p.value : money(Math.round(p.value * 100))}`)].join('<br/>');

  const channelOption = useMemo(() => {
    if (!r) return null;
    return {
      grid,
      legend: { data: [gmvLabel, discountLabel, ordersLabel], top: 0 },
      tooltip: { trigger: 'axis', formatter: tooltip },
      xAxis: { type: 'category', data: r.byChannel.map((c) => channelLabel(t, c.channel)), axisLabel: { interval: 0, rotate: narrow && r.byChannel.length > 3 ? 30 : 0 } },
      yAxis: [
        { type: 'value', name: '¥', axisLabel: { formatter: compact(lang) } },
        { type: 'value', name: ordersLabel, splitLine: { show: false }, minInterval: 1 },
      ],
      series: [
        { name: gmvLabel, type: 'bar', data: r.byChannel.map((c) => c.gmv / 100), itemStyle: { color: '#1677ff' }, barMaxWidth: 28 },
        { name: discountLabel, type: 'bar', data: r.byChannel.map((c) => c.discount / 100), itemStyle: { color: '#fa8c16' }, barMaxWidth: 28 },
        { name: ordersLabel, type: 'line', yAxisIndex: 1, data: r.byChannel.map((c) => c.orders), itemStyle: { color: '#389e0d' } },
      ],
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [r, lang, narrow]);

  const dayOption = useMemo(() => {
    if (!days.length) return null;
    return {
      grid,
      legend: { data: [gmvLabel, ordersLabel], top: 0 },
      tooltip: { trigger: 'axis', formatter: tooltip },
      xAxis: { type: 'category', data: days.map((d) => d.day.slice(5)) },
      yAxis: [
        { type: 'value', name: '¥', axisLabel: { formatter: compact(lang) } },
        { type: 'value', name: ordersLabel, splitLine: { show: false }, minInterval: 1 },
      ],
      series: [
        { name: gmvLabel, type: 'line', data: days.map((d) => d.gmv / 100), itemStyle: { color: '#1677ff' }, areaStyle: { opacity: 0.12 }, symbolSize: 7 },
        { name: ordersLabel, type: 'line', yAxisIndex: 1, data: days.map((d) => d.orders), itemStyle: { color: '#389e0d' }, symbolSize: 7 },
      ],
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [days, lang, narrow]);

  const error = campaign.error ?? report.error;
  if (error) return <ErrorState error={error} onRetry={() => { campaign.reload(); report.reload(); }} />;
  if (!campaign.data || !r) return <Loading />;
  const c = campaign.data;
  const totals = r.totals;
  const goals = r.goals ?? c.goals;
  const goalRows = goals
    ? ([
        ['gmv', goals.gmv, totals.gmv, (v: number) => money(v)],
        ['orders', goals.orders, totals.orders, (v: number) => v.toLocaleString()],
        ['newCustomers', goals.newCustomers, totals.newCustomers, (v: number) => v.toLocaleString()],
      ] as const).filter(([, goal]) => goal)
    : [];
  const figure = (title: string, value: React.ReactNode, extra?: React.ReactNode) => (
    <Col xs={12} md={8} xl={4}>
      <Card size="small" style={{ height: '100%' }}>
        <Statistic title={title} valueRender={() => value} />
        {extra ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{extra}</Typography.Text> : null}
      </Card>
    </Col>
  );

  return (
    <>
      <PageHeader
        title={t('campaigns.reportOf', { name: pick(c.name) })}
        sub={t('campaigns.attribution', { slug: c.slug })}
        extra={
          <>
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/marketing/campaigns')}>{t('campaigns.back')}</Button>
            <Button icon={<EditOutlined />} onClick={() => navigate(`/marketing/campaigns/${c.id}`)}>{t('campaigns.edit')}</Button>
          </>
        }
      />
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        {figure(t('campaigns.orders'), totals.orders.toLocaleString())}
        {figure(t('campaigns.gmv'), <Money fen={totals.gmv} />)}
        {figure(t('campaigns.discount'), <Money fen={totals.discount} />, totals.budget !== null ? <>{t('campaigns.budgetShort')} <Money fen={totals.budget} /></> : null)}
        {figure(t('campaigns.refunded'), <Money fen={totals.refunded} />)}
        {figure(t('campaigns.newCustomers'), totals.newCustomers.toLocaleString())}
        {figure(t('campaigns.roi'), totals.roi === null ? '—' : totals.roi.toFixed(2), t('campaigns.roiHelp'))}
      </Row>
      <Card title={t('campaigns.goals')} size="small" style={{ marginBottom: 16 }}>
        {goalRows.length ? (
          <Row gutter={[24, 12]}>
            {goalRows.map(([key, goal, actual, show]) => (
              <Col xs={24} md={8} key={key}>
                <Flex justify="space-between" wrap gap={8}>
                  <Typography.Text>{t(`campaigns.${key}`)}</Typography.Text>
                  <Typography.Text type="secondary">{t('campaigns.goalOf', { actual: show(actual), goal: show(goal!) })}</Typography.Text>
                </Flex>
                <Progress percent={progress(actual, goal) ?? 0} aria-label={t(`campaigns.${key}`)} />
              </Col>
            ))}
          </Row>
        ) : (
          <Typography.Text type="secondary">{t('campaigns.noGoals')}</Typography.Text>
        )}
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title={t('campaigns.byChannel')} style={{ height: '100%' }}>
            {r.byChannel.length && channelOption ? (
              <>
                <ReportChart option={channelOption} height={narrow ? 260 : 300} label={t('campaigns.byChannel')} />
                <DataTable<ChannelRow>
                  label={t('campaigns.byChannel')}
                  rowKey="channel"
                  size="small"
                  pagination={false}
                  dataSource={r.byChannel}
                  columns={[
                    { title: t('campaigns.channel'), key: 'channel', render: (_, row) => channelLabel(t, row.channel) },
                    { title: t('campaigns.orders'), dataIndex: 'orders', align: 'right' },
                    { title: t('campaigns.gmv'), key: 'gmv', align: 'right', render: (_, row) => <Money fen={row.gmv} /> },
                    { title: t('campaigns.discount'), key: 'discount', align: 'right', render: (_, row) => <Money fen={row.discount} /> },
                    { title: t('campaigns.refunded'), key: 'refunded', align: 'right', render: (_, row) => <Money fen={row.refunded} /> },
                    { title: t('campaigns.newCustomers'), dataIndex: 'newCustomers', align: 'right' },
                  ]}
                />
              </>
            ) : (
              <Empty description={t('campaigns.noData')} />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('campaigns.byDay')} style={{ height: '100%' }}>
            {dayOption ? <ReportChart option={dayOption} height={narrow ? 260 : 300} label={t('campaigns.byDay')} /> : <Empty description={t('campaigns.noData')} />}
          </Card>
        </Col>
      </Row>
    </>
  );
}
