import { useState } from 'react';
import { Card, Col, Flex, Row, Segmented, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { useLoad } from '../../app/hooks';
import { ErrorState } from '../../components/ErrorState';
import { DateTime } from '../../components/format';
import type { GmvSeries, TodayNumbers } from '../../types';
import { FigureCard } from './FigureCard';
import { GmvChart } from './GmvChart';

type Comparison = 'vsYesterdaySoFar' | 'vsYesterday';

/** Today against yesterday (adminTodayNumbers) and the last 30 days of GMV (adminGmvSeries). */
export default function Dashboard() {
  const { t } = useTranslation();
  return (
    <>
      <TodayFigures />
      <Card title={t('home.gmv30')} style={{ marginTop: 16 }}>
        <Series />
      </Card>
    </>
  );
}

function TodayFigures() {
  const { t } = useTranslation();
  const [against, setAgainst] = useState<Comparison>('vsYesterdaySoFar');
  const { data, error, reload } = useLoad(() => api.get<TodayNumbers>('/dashboard/today'), []);
  if (error) return <ErrorState error={error} onRetry={reload} />;
  const base = data ? (against === 'vsYesterday' ? data.yesterday : data.yesterdaySoFar) : undefined;
  const change = data?.change[against];
  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">
          {data ? <>{t('home.asOf')} <DateTime at={data.asOf} /> · {data.timezone}</> : '\u00a0'}
        </Typography.Text>
        <Segmented<Comparison>
          value={against}
          onChange={setAgainst}
          options={[{ value: 'vsYesterdaySoFar', label: t('home.vsYesterdaySoFar') }, { value: 'vsYesterday', label: t('home.vsYesterday') }]}
        />
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={24} sm={12} xl={6}><FigureCard loading={!data} title={t('home.gmv')} kind="money" value={data?.today.gmv} base={base?.gmv} change={change?.gmv} /></Col>
        <Col xs={24} sm={12} xl={6}><FigureCard loading={!data} title={t('home.paidOrders')} kind="count" value={data?.today.paidOrders} base={base?.paidOrders} change={change?.paidOrders} /></Col>
        <Col xs={24} sm={12} xl={6}><FigureCard loading={!data} title={t('home.aov')} kind="money" value={data?.today.aov} base={base?.aov} change={change?.aov} /></Col>
        <Col xs={24} sm={12} xl={6}><FigureCard loading={!data} title={t('home.newCustomers')} kind="count" value={data?.today.newCustomers} base={base?.newCustomers} change={change?.newCustomers} /></Col>
      </Row>
      {data ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
          {t('home.refundsToday', { count: data.today.refunds.count })}{' '}
          <FigureCard.MoneyInline fen={data.today.refunds.amount} /> · {t('home.refundsNote')}
        </Typography.Paragraph>
      ) : null}
    </>
  );
}

function Series() {
  const { t } = useTranslation();
  const { data, error, reload } = useLoad(() => api.get<GmvSeries>('/dashboard/gmv-series', { days: 30 }), []);
  if (error) return <ErrorState error={error} onRetry={reload} />;
  return <GmvChart series={data} height={340} gmvLabel={t('home.gmv')} ordersLabel={t('home.paidOrders')} />;
}

