import { useEffect, useState } from 'react';
import { Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { useLoad } from '../../app/hooks';
import { useSession } from '../../app/session';
import { pick } from '../../i18n';
import { useFeedback } from '../../components/feedback';
import type { Carrier, OrderDetail, Warehouse } from '../../types';

interface Values { carrier: string; trackingNumber: string; warehouseId?: string }

/** Ship one order (shipOrder): carrier from adminListCarriers, the waybill, and where it leaves from. */
export function ShipOrderModal({ order, onClose }: { order: OrderDetail | null; onClose(changed: boolean): void }) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const { can } = useSession();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const carriers = useLoad(() => api.get<{ items: Carrier[] }>('/carriers').then((r) => r.items), []);
  // Choosing a warehouse needs stock.read; without it the server uses the default warehouse.
  const warehouses = useLoad(() => (can('stock.read') ? api.get<{ items: Warehouse[] }>('/warehouses').then((r) => r.items) : Promise.resolve([])), []);
  useEffect(() => {
    if (order) form.resetFields();
  }, [order, form]);

  const submit = async (v: Values) => {
    if (!order) return;
    setBusy(true);
    try {
      await api.post(`/orders/${order.id}/ship`, { carrier: v.carrier, trackingNumber: v.trackingNumber.trim(), warehouseId: v.warehouseId || undefined });
      feedback.ok(t('orders.shipped'));
      onClose(true);
    } catch (err) {
      feedback.fail(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open={order !== null} title={t('orders.shipTitle', { number: order?.number ?? '' })} onCancel={() => onClose(false)} onOk={() => form.submit()} okText={t('orders.ship')} confirmLoading={busy} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="carrier" label={t('orders.carrier')} rules={[{ required: true, message: t('form.required') }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} loading={carriers.loading} options={(carriers.data ?? []).map((c) => ({ value: c.code, label: pick(c.name) }))} />
        </Form.Item>
        <Form.Item name="trackingNumber" label={t('orders.trackingNumber')} rules={[{ required: true, message: t('form.required') }, { pattern: /^[A-Za-z0-9-]{6,40}$/, message: t('orders.trackingFormat') }]}>
          <Input autoComplete="off" />
        </Form.Item>
        {warehouses.data?.length ? (
          <Form.Item name="warehouseId" label={t('stock.warehouse')} extra={t('orders.warehouseHelp')}>
            <Select allowClear options={warehouses.data.map((w) => ({ value: w.id, label: `${pick(w.name)} (${w.code})${w.isDefault ? ' ★' : ''}` }))} />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
