import { Descriptions, Table } from 'antd';
import type { TFunction } from 'i18next';
import { Money } from '../../components/format';
import type { OrderDetail } from '../../types';

interface Total { key: string; label: string; fen: number; strong?: boolean }

/** Subtotal, discount, shipping, total, paid and refunded: what the order's lines add up to. */
export function orderTotals(order: OrderDetail, t: TFunction): Total[] {
  return [
    { key: 'subtotal', label: t('orders.subtotal'), fen: order.subtotal },
    ...(order.discountTotal ? [{ key: 'discount', label: t('orders.discount'), fen: -order.discountTotal }] : []),
    { key: 'shipping', label: t('orders.shippingFee'), fen: order.shippingFee - order.shippingDiscount },
    { key: 'total', label: t('orders.total'), fen: order.total, strong: true },
    { key: 'paid', label: t('orders.paid'), fen: order.paidAmount },
    ...(order.refundedAmount ? [{ key: 'refunded', label: t('orders.refunded'), fen: -order.refundedAmount }] : []),
  ];
}

function Amount({ fen, currency, strong }: { fen: number; currency: string; strong?: boolean }) {
  return fen < 0 ? <>-<Money fen={-fen} currency={currency} /></> : <Money fen={fen} currency={currency} strong={strong} />;
}

/** The totals as summary rows under the lines table (a desktop): label across four columns, amount under "line total". */
export function TotalsSummary({ totals, currency }: { totals: Total[]; currency: string }) {
  return (
    <>
      {totals.map(({ key, label, fen, strong }) => (
        <Table.Summary.Row key={key}>
          <Table.Summary.Cell index={0} colSpan={4} align="right">{strong ? <strong>{label}</strong> : label}</Table.Summary.Cell>
          <Table.Summary.Cell index={1} align="right"><Amount fen={fen} currency={currency} strong={strong} /></Table.Summary.Cell>
          <Table.Summary.Cell index={2} />
        </Table.Summary.Row>
      ))}
    </>
  );
}

/** The totals under the table on a phone, where summary rows would sit in the part scrolled out of sight. */
export function TotalsList({ totals, currency }: { totals: Total[]; currency: string }) {
  return (
    <Descriptions
      size="small"
      column={1}
      style={{ marginTop: 12 }}
      items={totals.map(({ key, label, fen, strong }) => ({ key, label, children: <Amount fen={fen} currency={currency} strong={strong} /> }))}
    />
  );
}
