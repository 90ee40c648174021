import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Button, Card, Col, Descriptions, Row, Space, Typography } from 'antd';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { useLoad } from '../../app/hooks';
import { useSession } from '../../app/session';
import { currentLanguage, dictionary, pick } from '../../i18n';
import { optionsText, reasonText } from '../../components/labels';
import { DataTable } from '../../components/DataTable';
import { ErrorState } from '../../components/ErrorState';
import { DateTime, Money, OrderStatusTag } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import type { OrderDetail, OrderLine } from '../../types';
import { ShipOrderModal } from './ShipOrderModal';
import { RefundOrderModal } from './RefundOrderModal';
import { CancelOrderButton } from './CancelOrderButton';
import { OrderTimeline } from './OrderTimeline';
import { PaymentsTable, RefundsTable, ShipmentsList } from './OrderSections';
import { orderTotals, TotalsList, TotalsSummary } from './OrderTotals';
import { useNarrow } from '../../app/responsive';
import { Loading } from '../../components/Loading';

/** One order with everything that happened to it (adminGetOrder), and what staff may do to it now. */
/** The UTM parameters in the order marketers write them: source / medium / campaign, then term and content. */
const utmText = (utm: Record<string, string>) =>
  ['source', 'medium', 'campaign', 'term', 'content'].filter((k) => utm[k]).map((k) => `${k}=${utm[k]}`).join(' · ');

export default function OrderDetailScreen() {
  const { ref = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { can } = useSession();
  const { data: order, error, reload } = useLoad(() => api.get<OrderDetail>(`/orders/${encodeURIComponent(ref)}`), [ref]);
  const [shipping, setShipping] = useState(false);
  const [refunding, setRefunding] = useState(false);
  const narrow = useNarrow();

  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (!order) return <Loading />;

  const c = order.currency;
  const refundable = order.paidAmount - order.refundedAmount > 0 && !['pending_payment', 'cancelled', 'refunded'].includes(order.status);
  const a = order.shippingAddress;
  const totals = orderTotals(order, t);

  return (
    <>
      <PageHeader
        title={
          <Space wrap>
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)} aria-label={t('common.back')} />
            <span style={{ fontFamily: 'monospace' }}>{order.number}</span>
            <OrderStatusTag status={order.status} />
          </Space>
        }
        extra={
          <>
            <Button icon={<PrinterOutlined />} onClick={() => window.open(`/admin/orders/${order.number}/packing-slip`, '_blank')}>{t('orders.packingSlip')}</Button>
            {can('orders.ship') && order.allowedEvents.includes('ship') ? <Button type="primary" onClick={() => setShipping(true)}>{t('orders.ship')}</Button> : null}
            {can('refunds.request', 'refunds.approve') && refundable ? <Button onClick={() => setRefunding(true)}>{t('orders.refund')}</Button> : null}
            {can('orders.cancel') && ['pending_payment', 'paid'].includes(order.status) ? <CancelOrderButton order={order} onDone={reload} /> : null}
          </>
        }
      />
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <Card title={t('orders.summary')} style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={{ xs: 1, sm: 2 }} items={[
              { key: 'customer', label: t('orders.customer'), children: can('customers.read') ? <Link to={`/customers/${order.customerId}`}>{t('orders.viewCustomer')}</Link> : order.customerId.slice(0, 8) },
              { key: 'channel', label: t('orders.channel'), children: order.channel ? t(`channels.${order.channel}`, { defaultValue: order.channel }) : '—' },
              ...(order.utm ? [{ key: 'utm', label: t('orders.utm'), children: utmText(order.utm) }] : []),
              { key: 'placed', label: t('orders.placedAt'), children: <DateTime at={order.placedAt} /> },
              { key: 'paid', label: t('orders.paidAt'), children: <DateTime at={order.paidAt} /> },
              { key: 'shipped', label: t('orders.shippedAt'), children: <DateTime at={order.shippedAt} /> },
              { key: 'delivered', label: t('orders.deliveredAt'), children: <DateTime at={order.deliveredAt} /> },
              { key: 'method', label: t('orders.shippingMethod'), children: pick(order.shippingMethodName) || '—' },
              { key: 'completed', label: order.cancelledAt ? t('orders.cancelledAt') : t('orders.completedAt'), children: <DateTime at={order.cancelledAt ?? order.completedAt} /> },
              { key: 'address', label: t('orders.address'), span: 'filled', children: <>{a.recipient} · {a.mobile}<br />{a.regionText} {a.detail}{a.postalCode ? ` (${a.postalCode})` : ''}</> },
              ...(order.note ? [{ key: 'note', label: t('orders.note'), span: 'filled' as const, children: order.note }] : []),
              ...(order.cancelReason ? [{ key: 'reason', label: t('orders.cancelReason'), span: 'filled' as const, children: reasonText(order.cancelReason, dictionary().reasons) }] : []),
            ]} />
          </Card>
          <Card title={t('orders.lines')} style={{ marginBottom: 16 }}>
            <DataTable<OrderLine>
              label={t('orders.lines')}
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={order.lines}
              columns={[
                { title: t('orders.product'), key: 't', render: (_, l) => <><Link to={`/products/${l.productId}`}>{pick(l.title)}</Link><div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{l.sku} {optionsText(l.options, currentLanguage())}</Typography.Text></div></> },
                { title: t('orders.unitPrice'), dataIndex: 'unitPrice', align: 'right', width: 110, render: (v: number) => <Money fen={v} currency={c} /> },
                { title: t('orders.quantity'), dataIndex: 'quantity', align: 'right', width: 70 },
                { title: t('orders.discount'), dataIndex: 'discountTotal', align: 'right', width: 100, render: (v: number) => (v ? <>-<Money fen={v} currency={c} /></> : '—') },
                { title: t('orders.lineTotal'), dataIndex: 'total', align: 'right', width: 110, render: (v: number) => <Money fen={v} currency={c} /> },
                { title: t('orders.refundedQty'), dataIndex: 'refundedQuantity', align: 'right', width: 90, render: (v: number) => (v ? <Typography.Text type="danger">{v}</Typography.Text> : '—') },
              ]}
              summary={narrow ? undefined : () => <TotalsSummary totals={totals} currency={c} />}
            />
            {narrow ? <TotalsList totals={totals} currency={c} /> : null}
          </Card>
          <Card title={t('orders.payments')} style={{ marginBottom: 16 }}><PaymentsTable payments={order.payments} timeline={order.timeline} /></Card>
          <Card title={t('orders.shipments')} style={{ marginBottom: 16 }}><ShipmentsList shipments={order.shipments} /></Card>
          <Card title={t('orders.refunds')} style={{ marginBottom: 16 }}><RefundsTable refunds={order.refunds} onChanged={reload} /></Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card title={t('orders.timeline')}><OrderTimeline entries={order.timeline} currency={c} /></Card>
        </Col>
      </Row>
      <ShipOrderModal order={shipping ? order : null} onClose={(changed) => { setShipping(false); if (changed) reload(); }} />
      <RefundOrderModal order={refunding ? order : null} onClose={(changed) => { setRefunding(false); if (changed) reload(); }} />
    </>
  );
}
