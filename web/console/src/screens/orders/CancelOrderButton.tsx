import { useState } from 'react';
import { Button, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { useFeedback } from '../../components/feedback';
import type { CancelResult, OrderDetail } from '../../types';

/**
 * Staff cancel (adminCancelOrder): an unpaid order is cancelled; a paid, unshipped one becomes a
 * full refund — executed or requested depending on the role. The dialog says which will happen.
 */
export function CancelOrderButton({ order, onDone }: { order: OrderDetail; onDone(): void }) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setBusy(true);
    try {
      const r = await api.post<CancelResult>(`/orders/${order.id}/cancel`, { reason: reason.trim() || undefined });
      feedback.ok(t(`orders.cancelOutcome.${r.outcome}`));
      setOpen(false);
      onDone();
    } catch (err) {
      feedback.fail(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button danger onClick={() => setOpen(true)}>{t('orders.cancel')}</Button>
      <Modal open={open} title={t('orders.cancelTitle', { number: order.number })} onCancel={() => setOpen(false)} onOk={() => void submit()}
        okText={t('orders.cancelConfirm')} okButtonProps={{ danger: true }} confirmLoading={busy} destroyOnHidden>
        <Typography.Paragraph>{order.status === 'pending_payment' ? t('orders.cancelUnpaid') : t('orders.cancelPaid')}</Typography.Paragraph>
        <Input.TextArea rows={2} maxLength={500} placeholder={t('orders.cancelReasonPlaceholder')} aria-label={t('orders.cancelReasonPlaceholder')} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Modal>
    </>
  );
}
