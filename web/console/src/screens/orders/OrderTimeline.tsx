import { Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { DateTime, money } from '../../components/format';
import type { TimelineEntry } from '../../types';
import { dictionary } from '../../i18n';
import { reasonText } from '../../components/labels';

const COLORS: Record<string, string> = {
  placed: 'gray', pay: 'blue', ship: 'cyan', deliver: 'geekblue', confirmReceipt: 'green',
  cancel: 'red', refund: 'magenta', partialRefund: 'purple', refund_requested: 'gold', refund_rejected: 'gray', payment_failed: 'red', late_payment_refunded: 'gray', payment_expired: 'gray', refund_succeeded: 'magenta', refund_retrying: 'orange',
};

/** The order's timeline, oldest first: state changes and notes, who did them and the key figures. */
export function OrderTimeline({ entries, currency }: { entries: TimelineEntry[]; currency: string }) {
  const { t } = useTranslation();
  return (
    <Timeline
      items={entries.map((e, i) => ({
        key: i,
        color: COLORS[e.type] ?? 'gray',
        title: <DateTime at={e.at} seconds />,
        content: (
          <>
            <Typography.Text strong>{t(`timeline.${e.type}`, { defaultValue: e.type })}</Typography.Text>{' '}
            <Typography.Text type="secondary">· {t(`actors.${e.actor}`, { defaultValue: e.actor })}</Typography.Text>
            <Details data={e.data} currency={currency} />
          </>
        ),
      }))}
    />
  );
}

function Details({ data, currency }: { data: Record<string, unknown>; currency: string }) {
  const { t } = useTranslation();
  const parts: string[] = [];
  const amount = typeof data.amount === 'number' ? data.amount : typeof data.total === 'number' ? data.total : null;
  if (amount !== null) parts.push(money(amount, currency));
  if (typeof data.reason === 'string') parts.push(reasonText(data.reason, dictionary().reasons));
  if (typeof data.providerMessage === 'string') parts.push(t('reasons.providerSays', { text: data.providerMessage }));
  if (typeof data.trackingNumber === 'string') parts.push(`${String(data.carrier ?? '')} ${data.trackingNumber}`);
  if (typeof data.note === 'string' && data.note) parts.push(data.note);
  if (!parts.length) return null;
  return <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{parts.join(' · ')}</Typography.Text></div>;
}
