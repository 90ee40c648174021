import { useState } from 'react';
import { Button, Card, Descriptions, Form, Input, InputNumber, List, Modal, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { useLoad } from '../../app/hooks';
import { newIdempotencyKey } from '../../app/idempotency-key';
import { useSession } from '../../app/session';
import { pick } from '../../i18n';
import { DateTime } from '../../components/format';
import { ErrorState } from '../../components/ErrorState';
import { useFeedback } from '../../components/feedback';
import type { CustomerMembership, CustomerPoints } from '../../types';

/**
 * A customer's tier and points (adminGetCustomerMembership, adminGetCustomerPoints), with the
 * newest ledger rows; staff with marketing.manage add or take points with a reason — one
 * Idempotency-Key per dialog, so a double click adjusts once.
 */
export function LoyaltyCard({ customerId }: { customerId: string }) {
  const { can } = useSession();
  // Customer service sees customers but not marketing: no card (and no request that would be refused).
  return can('marketing.read') ? <LoyaltyDetails customerId={customerId} /> : null;
}

function LoyaltyDetails({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const feedback = useFeedback();
  const membership = useLoad(() => api.get<CustomerMembership>(`/customers/${customerId}/membership`), [customerId]);
  const points = useLoad(() => api.get<CustomerPoints>(`/customers/${customerId}/points`, { limit: 5 }), [customerId]);
  const [adjusting, setAdjusting] = useState<string | null>(null);
  const [form] = Form.useForm<{ points: number; reason: string }>();

  const submit = async (v: { points: number; reason: string }) => {
    try {
      await api.post(`/customers/${customerId}/points/adjustments`, { points: v.points, reason: v.reason.trim() }, { 'idempotency-key': adjusting! });
      feedback.ok(t('common.savedOk'));
      setAdjusting(null);
      points.reload();
    } catch (err) {
      feedback.fail(err);
    }
  };

  const m = membership.data;
  const p = points.data;
  return (
    <Card
      title={t('loyalty.title')}
      style={{ marginBottom: 16 }}
      extra={can('marketing.manage') ? <Button size="small" onClick={() => { form.resetFields(); setAdjusting(newIdempotencyKey()); }}>{t('loyalty.adjust')}</Button> : null}
    >
      {membership.error ? <ErrorState error={membership.error} onRetry={membership.reload} /> : null}
      {points.error ? <ErrorState error={points.error} onRetry={points.reload} /> : null}
      {m && p ? (
        <>
          <Descriptions size="small" column={1} items={[
            { key: 't', label: t('loyalty.tier'), children: <Tag color="gold">{pick(m.tier.name)}</Tag> },
            { key: 'g', label: t('loyalty.growth'), children: m.next ? t('loyalty.growthToNext', { growth: m.growth, needed: m.next.needed, tier: pick(m.next.name) }) : m.growth },
            { key: 'b', label: t('loyalty.balance'), children: p.balance },
            { key: 'p', label: t('loyalty.pending'), children: p.pending },
            { key: 'x', label: t('loyalty.expiring'), children: p.expiring[0] ? <>{p.expiring[0].points} · {' '}<DateTime at={p.expiring[0].at} /></> : '—' },
          ]} />
          <Typography.Text type="secondary">{t('loyalty.ledger')}</Typography.Text>
          {p.history.items.length ? (
            <List
              size="small"
              dataSource={p.history.items}
              renderItem={(e) => (
                <List.Item extra={<Typography.Text type={e.delta < 0 ? 'danger' : 'success'}>{e.delta !== 0 ? (e.delta > 0 ? `+${e.delta}` : e.delta) : `${e.pendingDelta > 0 ? '+' : ''}${e.pendingDelta} ${t('loyalty.pendingShort')}`}</Typography.Text>}>
                  <span>{t(`loyalty.kinds.${e.kind}`)}{e.reason ? ` · ${e.reason}` : ''}</span> <Typography.Text type="secondary"><DateTime at={e.at} /></Typography.Text>
                </List.Item>
              )}
            />
          ) : (
            // Plain text, not the list's own empty state: its light grey fails the contrast check.
            <Typography.Paragraph>{t('loyalty.noLedger')}</Typography.Paragraph>
          )}
        </>
      ) : null}
      <Modal open={adjusting !== null} title={t('loyalty.adjust')} onCancel={() => setAdjusting(null)} onOk={() => form.submit()} okText={t('common.save')} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item name="points" label={t('loyalty.points')} extra={t('loyalty.pointsHint')} rules={[{ required: true, message: t('form.required') }, { validator: async (_, v) => { if (v === 0) throw new Error(t('loyalty.notZero')); } }]}>
            <InputNumber min={-10_000_000} max={10_000_000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="reason" label={t('loyalty.reason')} rules={[{ required: true, message: t('form.required') }, { min: 2, max: 200 }]}>
            <Input.TextArea rows={2} maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
