import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Button, Card, Col, Descriptions, Empty, List, Row, Space, Statistic, Tag } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { useLoad } from '../../app/hooks';
import { useSession } from '../../app/session';
import { DataTable } from '../../components/DataTable';
import { ErrorState } from '../../components/ErrorState';
import { DateTime, Money, OrderStatusTag, money } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { Pager } from '../../components/Pager';
import type { CustomerDetail, CustomerOrder } from '../../types';
import { Loading } from '../../components/Loading';
import { LoyaltyCard } from './LoyaltyCard';

/** One customer's whole picture (adminGetCustomer): profile, figures, addresses and their orders. */
export default function CustomerDetailScreen() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { can } = useSession();
  const [cursors, setCursors] = useState<Array<string | undefined>>([undefined]);
  const cursor = cursors[cursors.length - 1];
  const { data: c, error, reload, loading } = useLoad(() => api.get<CustomerDetail>(`/customers/${id}`, { ordersLimit: 10, ordersCursor: cursor }), [id, cursor]);

  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (!c) return <Loading />;

  return (
    <>
      <PageHeader title={<Space wrap><Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)} aria-label={t('common.back')} />{c.name || c.email || c.mobile}</Space>} />
      <Row gutter={16}>
        <Col xs={24} xl={8}>
          <Card title={t('customers.profile')} style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={1} items={[
              { key: 'e', label: t('customers.email'), children: c.email ?? '—' },
              { key: 'm', label: t('customers.mobile'), children: c.mobile ?? '—' },
              { key: 'c', label: t('customers.channel'), children: c.acquisitionChannel ? t(`channels.${c.acquisitionChannel}`, { defaultValue: c.acquisitionChannel }) : '—' },
              { key: 'l', label: t('customers.locale'), children: c.locale },
              { key: 'r', label: t('customers.registeredAt'), children: <DateTime at={c.createdAt} /> },
            ]} />
          </Card>
          <LoyaltyCard customerId={c.id} />
          <Card title={t('customers.addresses')} style={{ marginBottom: 16 }}>
            {c.addresses.length ? (
              <List
                dataSource={c.addresses}
                renderItem={(a) => (
                  <List.Item>
                    <div>
                      <strong>{a.recipientName}</strong> {a.mobile} {a.isDefault ? <Tag color="blue">{t('customers.default')}</Tag> : null}
                      <div>{a.provinceName}{a.cityName}{a.districtName} {a.detail}{a.postalCode ? ` ${a.postalCode}` : ''}</div>
                    </div>
                  </List.Item>
                )}
              />
            ) : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('customers.noAddresses')} />}
          </Card>
        </Col>
        <Col xs={24} xl={16}>
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            <Col xs={12} sm={8}><Card><Statistic title={t('customers.orderCount')} value={c.stats.orderCount} /></Card></Col>
            <Col xs={12} sm={8}><Card><Statistic title={t('customers.paidOrderCount')} value={c.stats.paidOrderCount} /></Card></Col>
            <Col xs={24} sm={8}><Card><Statistic title={t('customers.totalSpent')} value={money(c.stats.totalSpent, c.stats.currency)} /></Card></Col>
          </Row>
          <Card title={t('customers.orders')} extra={can('orders.read') ? <Link to={`/orders?customerId=${c.id}`}>{t('customers.allOrders')}</Link> : null}>
            <DataTable<CustomerOrder>
              label={t('customers.orders')}
              rowKey="id" size="small" pagination={false} loading={loading} dataSource={c.orders.items}
              columns={[
                { title: t('orders.number'), dataIndex: 'number', render: (n: string) => (can('orders.read') ? <Link to={`/orders/${n}`} style={{ fontFamily: 'monospace' }}>{n}</Link> : n) },
                { title: t('orders.status'), dataIndex: 'status', render: (s: string) => <OrderStatusTag status={s} /> },
                { title: t('orders.total'), dataIndex: 'total', align: 'right', render: (v: number, o) => <Money fen={v} currency={o.currency} /> },
                { title: t('orders.refunded'), dataIndex: 'refundedAmount', align: 'right', render: (v: number, o) => (v ? <Money fen={v} currency={o.currency} /> : '—') },
                { title: t('orders.placedAt'), dataIndex: 'placedAt', render: (v: string) => <DateTime at={v} /> },
              ]}
            />
            <Pager
              pageNumber={cursors.length} isFirstPage={cursors.length === 1} hasNext={Boolean(c.orders.nextCursor)} loading={loading}
              onFirst={() => setCursors([undefined])}
              onPrevious={() => setCursors((s) => s.slice(0, -1))}
              onNext={() => c.orders.nextCursor && setCursors((s) => [...s, c.orders.nextCursor!])}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
