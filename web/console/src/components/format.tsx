import { createContext, useContext } from 'react';
import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../shared/money';
import { currentLanguage } from '../i18n';

/** Integer fen, shown through the shared formatter in the UI language. */
export function Money({ fen, currency = 'CNY', strong }: { fen: number | null | undefined; currency?: string; strong?: boolean }) {
  useTranslation(); // re-render on a language switch
  if (fen === null || fen === undefined) return <Typography.Text type="secondary">—</Typography.Text>;
  const text = formatMoney(fen, currentLanguage(), currency);
  return strong ? <strong>{text}</strong> : <>{text}</>;
}
export const money = (fen: number, currency = 'CNY') => formatMoney(fen, currentLanguage(), currency);

/** The store's time zone (from settings); until it is known, the browser's. */
export const StoreTimeZone = createContext<string | undefined>(undefined);

/** YYYY-MM-DD HH:mm[:ss] of an instant in a time zone. */
export function formatInstant(at: string, timeZone: string | undefined, seconds = false): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: seconds ? '2-digit' : undefined, hourCycle: 'h23',
  }).formatToParts(new Date(at));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}${seconds ? `:${part('second')}` : ''}`;
}

/**
 * Instants are shown in the store's time zone — the one "today" and the reports use — to the
 * minute (seconds with `seconds`), whatever zone the staff member's computer is in.
 */
export function DateTime({ at, seconds }: { at: string | null | undefined; seconds?: boolean }) {
  const timeZone = useContext(StoreTimeZone);
  if (!at) return <Typography.Text type="secondary">—</Typography.Text>;
  return <span title={at}>{formatInstant(at, timeZone, seconds)}</span>;
}

const ORDER_COLORS: Record<string, string> = {
  pending_payment: 'gold', paid: 'blue', shipped: 'cyan', delivered: 'geekblue', completed: 'green',
  cancelled: 'default', refunded: 'magenta', partially_refunded: 'purple',
};
export function OrderStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return <Tag color={ORDER_COLORS[status] ?? 'default'}>{t(`orderStatus.${status}`, { defaultValue: status })}</Tag>;
}

const REFUND_COLORS: Record<string, string> = { requested: 'gold', approved: 'blue', rejected: 'default', executed: 'green' };
export function RefundStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return <Tag color={REFUND_COLORS[status] ?? 'default'}>{t(`refundStatus.${status}`, { defaultValue: status })}</Tag>;
}

const PRODUCT_COLORS: Record<string, string> = { draft: 'default', active: 'green', archived: 'red' };
export function ProductStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return <Tag color={PRODUCT_COLORS[status] ?? 'default'}>{t(`productStatus.${status}`, { defaultValue: status })}</Tag>;
}
