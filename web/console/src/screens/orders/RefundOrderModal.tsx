import { useEffect, useMemo, useState } from 'react';
import { Alert, Form, Input, InputNumber, Modal, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { newIdempotencyKey } from '../../app/idempotency-key';
import { useSession } from '../../app/session';
import { currentLanguage, pick } from '../../i18n';
import { optionsText } from '../../components/labels';
import { useFeedback } from '../../components/feedback';
import { Money } from '../../components/format';
import type { OrderDetail, Refund } from '../../types';
import { yuanToFen } from '../products/product-form';
import { estimateLinesAmount, refundableUnits } from './refund-plan';
import { DataTable } from '../../components/DataTable';

interface Values { scope: 'whole' | 'lines'; quantities: Record<string, number | undefined>; amountYuan?: number; reason: string }

/**
 * Refund an order or some of its units (refundOrder). With refunds.approve the money goes back at
 * once; with refunds.request only, it becomes a request for finance (the server answers 202).
 */
export function RefundOrderModal({ order, onClose }: { order: OrderDetail | null; onClose(changed: boolean): void }) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const { can } = useSession();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const scope = Form.useWatch('scope', form);
  const quantities = Form.useWatch('quantities', form) ?? {};
  const units = useMemo(() => (order ? refundableUnits(order) : new Map<string, number>()), [order]);
  const approveNow = can('refunds.approve');
  // One key per opening of the dialog: a double click or a retry after a lost answer replays the
  // first refund instead of refunding again (the server keeps keys 24 h).
  const [key, setKey] = useState('');
  useEffect(() => {
    if (!order) return;
    form.setFieldsValue({ scope: order.status === 'paid' ? 'whole' : 'lines', quantities: {}, amountYuan: undefined, reason: '' });
    setKey(newIdempotencyKey());
  }, [order, form]);

  if (!order) return null;
  const estimate = scope === 'lines' ? estimateLinesAmount(order, quantities) : order.paidAmount - order.refundedAmount;

  const submit = async (v: Values) => {
    const lines = Object.entries(v.quantities ?? {}).filter(([, q]) => (q ?? 0) > 0).map(([lineId, quantity]) => ({ lineId, quantity: quantity! }));
    if (v.scope === 'lines' && !lines.length) {
      feedback.message.warning(t('refunds.chooseUnits'));
      return;
    }
    setBusy(true);
    try {
      const body = { reason: v.reason.trim(), ...(v.scope === 'lines' ? { lines } : {}), ...(v.amountYuan ? { amount: yuanToFen(v.amountYuan) } : {}) };
      const refund = await api.post<Refund>(`/orders/${order.id}/refunds`, body, { 'idempotency-key': key });
      feedback.ok(refund.status === 'requested' ? t('refunds.requested') : t('refunds.executed'));
      onClose(true);
    } catch (err) {
      feedback.fail(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title={t('refunds.titleFor', { number: order.number })} width={720} onCancel={() => onClose(false)} onOk={() => form.submit()}
      okText={approveNow ? t('refunds.refundNow') : t('refunds.request')} okButtonProps={{ danger: true }} confirmLoading={busy} destroyOnHidden>
      <Alert style={{ marginBottom: 16 }} type={approveNow ? 'warning' : 'info'} showIcon title={approveNow ? t('refunds.executesNow') : t('refunds.goesToFinance')} />
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="scope" label={t('refunds.scope')}>
          <Radio.Group options={[
            { value: 'whole', label: t('refunds.wholeOrder'), disabled: order.status !== 'paid' && order.status !== 'partially_refunded' },
            { value: 'lines', label: t('refunds.someUnits') },
          ]} />
        </Form.Item>
        {scope === 'lines' ? (
          <DataTable
            label={t('refunds.someUnits')}
            size="small"
            rowKey="id"
            pagination={false}
            style={{ marginBottom: 16 }}
            dataSource={order.lines}
            columns={[
              { title: t('orders.product'), key: 't', render: (_, l) => <>{pick(l.title)} <Typography.Text type="secondary">{l.sku} {optionsText(l.options, currentLanguage())}</Typography.Text></> },
              { title: t('orders.lineTotal'), dataIndex: 'total', width: 110, align: 'right', render: (v: number) => <Money fen={v} currency={order.currency} /> },
              { title: t('refunds.refundable'), key: 'u', width: 90, align: 'right', render: (_, l) => units.get(l.id) ?? 0 },
              {
                title: t('refunds.units'), key: 'q', width: 110,
                render: (_, l) => (
                  <Form.Item name={['quantities', l.id]} noStyle>
                    <InputNumber min={0} max={units.get(l.id) ?? 0} precision={0} disabled={!units.get(l.id)} size="small" style={{ width: 90 }} aria-label={`${t('refunds.units')}: ${pick(l.title)}`} />
                  </Form.Item>
                ),
              },
            ]}
          />
        ) : null}
        <Typography.Paragraph>{t('refunds.estimate')}: <Money fen={estimate} currency={order.currency} strong /> <Typography.Text type="secondary">{t('refunds.estimateNote')}</Typography.Text></Typography.Paragraph>
        {scope === 'lines' ? (
          <Form.Item name="amountYuan" label={t('refunds.lessAmount')} extra={t('refunds.lessAmountHelp')}>
            <InputNumber min={0.01} precision={2} prefix="¥" style={{ width: 200 }} />
          </Form.Item>
        ) : null}
        <Form.Item name="reason" label={t('refunds.reason')} rules={[{ required: true, whitespace: true, message: t('form.required') }, { max: 500 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
