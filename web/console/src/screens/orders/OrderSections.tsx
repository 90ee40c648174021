import { Button, Empty, Popconfirm, Space, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { useSession } from '../../app/session';
import { dictionary, pick } from '../../i18n';
import { reasonText } from '../../components/labels';
import { DataTable } from '../../components/DataTable';
import { useFeedback } from '../../components/feedback';
import { DateTime, Money, RefundStatusTag } from '../../components/format';
import type { Payment, Refund, Shipment, TimelineEntry } from '../../types';

export function PaymentsTable({ payments, timeline }: { payments: Payment[]; timeline: TimelineEntry[] }) {
  const { t } = useTranslation();
  // The provider's own words about an attempt are kept in the timeline note that recorded its end.
  const providerMessage = (id: string) => {
    const note = timeline.find((e) => e.data.paymentId === id && typeof e.data.providerMessage === 'string');
    return note ? String(note.data.providerMessage) : null;
  };
  if (!payments.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('orders.noPayments')} />;
  return (
    <DataTable<Payment>
      label={t('orders.payments')}
      rowKey="id" size="small" pagination={false} dataSource={payments}
      columns={[
        { title: t('orders.provider'), key: 'p', render: (_, p) => `${p.provider} / ${p.method}` },
        { title: t('orders.amount'), dataIndex: 'amount', align: 'right', render: (v: number, p) => <Money fen={v} currency={p.currency} /> },
        {
          title: t('orders.status'), dataIndex: 'status', render: (s: string, p) => {
            const said = providerMessage(p.id);
            return (
              <>
                {t(`paymentStatus.${s}`, { defaultValue: s })}
                {p.failureReason ? <Typography.Text type={s === 'failed' ? 'danger' : 'secondary'}> · {reasonText(p.failureReason, dictionary().reasons)}</Typography.Text> : null}
                {said ? <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('reasons.providerSays', { text: said })}</Typography.Text></div> : null}
              </>
            );
          },
        },
        { title: t('orders.createdAt'), dataIndex: 'createdAt', render: (v: string) => <DateTime at={v} /> },
        { title: t('orders.completedAt'), dataIndex: 'completedAt', render: (v: string | null) => <DateTime at={v} /> },
      ]}
    />
  );
}

export function ShipmentsList({ shipments }: { shipments: Shipment[] }) {
  const { t } = useTranslation();
  if (!shipments.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('orders.noShipments')} />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {shipments.map((s) => (
        <div key={s.id}>
          <Space wrap>
            <Typography.Text strong>{pick(s.carrier.name)}</Typography.Text>
            <Typography.Text copyable style={{ fontFamily: 'monospace' }}>{s.trackingNumber}</Typography.Text>
            {s.status ? <Tag color={s.status === 'delivered' ? 'green' : s.status === 'exception' ? 'red' : 'blue'}>{t(`tracking.${s.status}`)}</Tag> : <Tag>{t('tracking.none')}</Tag>}
            <Typography.Text type="secondary">{t('orders.shippedAt')} <DateTime at={s.shippedAt} /></Typography.Text>
          </Space>
          {s.events.length ? (
            <Timeline
              style={{ marginTop: 12 }}
              items={s.events.map((e, i) => ({ key: i, title: <DateTime at={e.at} />, content: <>{pick(e.description)}{e.location ? ` · ${e.location}` : ''}</>, color: i === 0 ? 'blue' : 'gray' }))}
            />
          ) : null}
        </div>
      ))}
    </Space>
  );
}

/** Refunds of this order; a requested one can be approved or rejected by finance right here. */
export function RefundsTable({ refunds, onChanged }: { refunds: Refund[]; onChanged(): void }) {
  const { t } = useTranslation();
  if (!refunds.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('orders.noRefunds')} />;
  return (
    <DataTable<Refund>
      label={t('orders.refunds')}
      rowKey="id" size="small" pagination={false} dataSource={refunds}
      columns={[
        { title: t('refunds.status'), dataIndex: 'status', render: (s: string) => <RefundStatusTag status={s} /> },
        { title: t('refunds.amount'), dataIndex: 'amount', align: 'right', render: (v: number, r) => <Money fen={v} currency={r.currency} /> },
        { title: t('refunds.scope'), key: 'scope', render: (_, r) => (r.wholeOrder ? t('refunds.wholeOrder') : t('refunds.unitsCount', { count: r.lines.reduce((s, l) => s + l.quantity, 0) })) },
        { title: t('refunds.reason'), dataIndex: 'reason', render: (v: string) => reasonText(v, dictionary().reasons) },
        { title: t('refunds.createdAt'), dataIndex: 'createdAt', render: (v: string) => <DateTime at={v} /> },
        { key: 'a', align: 'right', render: (_, r) => <RefundDecision refund={r} onDone={onChanged} /> },
      ]}
    />
  );
}

export function RefundDecision({ refund, onDone }: { refund: Refund; onDone(): void }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const feedback = useFeedback();
  if (refund.status !== 'requested' || !can('refunds.approve')) return null;
  const decide = async (verb: 'approve' | 'reject') => {
    try {
      await api.post(`/refunds/${refund.id}/${verb}`, {});
      feedback.ok(t(verb === 'approve' ? 'refunds.approvedOk' : 'refunds.rejectedOk'));
      onDone();
    } catch (err) {
      feedback.fail(err);
    }
  };
  return (
    <Space size={4}>
      <Popconfirm title={t('refunds.approveConfirm')} onConfirm={() => decide('approve')}>
        <Button size="small" type="primary">{t('refunds.approve')}</Button>
      </Popconfirm>
      <Popconfirm title={t('refunds.rejectConfirm')} onConfirm={() => decide('reject')}>
        <Button size="small" danger>{t('refunds.reject')}</Button>
      </Popconfirm>
    </Space>
  );
}
