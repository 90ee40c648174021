import { useEffect, useState } from 'react';
import { Descriptions, Form, Input, InputNumber, Modal, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { newIdempotencyKey } from '../../app/idempotency-key';
import { pick } from '../../i18n';
import { useFeedback } from '../../components/feedback';
import type { StockLine } from '../../types';

interface Values { delta: number; reason: 'receipt' | 'adjustment'; note?: string }

/** Add or take on-hand units (adjustStock); written to the ledger and the audit log by the server. */
export function AdjustStockModal({ line, onClose }: { line: StockLine | null; onClose(changed: boolean): void }) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  // One key per opening of the dialog: a double click or a retry after a lost answer replays the
  // first booking instead of booking again (the server keeps keys 24 h).
  const [key, setKey] = useState('');
  useEffect(() => {
    if (line) {
      form.setFieldsValue({ delta: undefined, reason: 'receipt', note: '' });
      setKey(newIdempotencyKey());
    }
  }, [line, form]);
  const delta = Form.useWatch('delta', form);

  const submit = async (v: Values) => {
    if (!line) return;
    setBusy(true);
    try {
      await api.post(
        '/stock/adjustments',
        { variantId: line.variantId, warehouseId: line.warehouseId, delta: v.delta, reason: v.reason, note: v.note?.trim() || undefined },
        { 'idempotency-key': key },
      );
      feedback.ok(t('stock.adjusted'));
      onClose(true);
    } catch (err) {
      feedback.fail(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open={line !== null} title={t('stock.adjustTitle')} onCancel={() => onClose(false)} onOk={() => form.submit()} okText={t('stock.adjust')} confirmLoading={busy} destroyOnHidden>
      {line ? (
        <>
          <Descriptions size="small" column={1} style={{ marginBottom: 16 }} items={[
            { key: 's', label: 'SKU', children: line.sku },
            { key: 'p', label: t('stock.product'), children: pick(line.title) },
            { key: 'w', label: t('stock.warehouse'), children: pick(line.warehouseName) },
            { key: 'o', label: t('stock.onHand'), children: `${line.onHand}${typeof delta === 'number' && delta !== 0 ? ` → ${line.onHand + delta}` : ''}` },
          ]} />
          <Form form={form} layout="vertical" onFinish={submit}>
            <Form.Item name="reason" label={t('stock.reason')}>
              <Radio.Group options={[{ value: 'receipt', label: t('stock.reasons.receipt') }, { value: 'adjustment', label: t('stock.reasons.adjustment') }]} />
            </Form.Item>
            <Form.Item
              name="delta"
              label={t('stock.delta')}
              extra={t('stock.deltaHelp')}
              rules={[
                { required: true, message: t('form.required') },
                { validator: (_, v: number) => (v === 0 ? Promise.reject(new Error(t('stock.deltaZero'))) : v !== undefined && line.onHand + v < line.reserved ? Promise.reject(new Error(t('stock.belowReserved'))) : Promise.resolve()) },
              ]}
            >
              <InputNumber min={-100000} max={100000} precision={0} style={{ width: 200 }} autoFocus />
            </Form.Item>
            <Form.Item name="note" label={t('stock.note')}><Input.TextArea rows={2} maxLength={500} /></Form.Item>
          </Form>
        </>
      ) : null}
    </Modal>
  );
}
