import { useParams } from 'react-router';
import { Button } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { useLoad } from '../../app/hooks';
import { currentLanguage, pick } from '../../i18n';
import { optionsText } from '../../components/labels';
import { ErrorState } from '../../components/ErrorState';
import type { OrderDetail, StoreSettings } from '../../types';
import { DateTime } from '../../components/format';
import './packing-slip.css';
import { Loading } from '../../components/Loading';

/**
 * A packing slip to print and put in the parcel: who it goes to and what to pick, no prices.
 * Units refunded before shipment are left out, since they are not to be packed.
 */
export default function PackingSlipScreen() {
  const { ref = '' } = useParams();
  const { t } = useTranslation();
  const { data: order, error, reload } = useLoad(() => api.get<OrderDetail>(`/orders/${encodeURIComponent(ref)}`), [ref]);
  const store = useLoad(() => api.get<StoreSettings>('/settings').catch(() => undefined), []);
  if (error) return <div style={{ padding: 24 }}><ErrorState error={error} onRetry={reload} /></div>;
  if (!order) return <Loading />;
  const a = order.shippingAddress;
  const lines = order.lines.map((l) => ({ ...l, toPack: l.quantity - l.refundedQuantity })).filter((l) => l.toPack > 0);
  const units = lines.reduce((s, l) => s + l.toPack, 0);

  return (
    <main className="slip">
      <div className="slip-toolbar">
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>{t('slip.print')}</Button>
      </div>
      <header>
        <h1>{t('slip.title')}</h1>
        <div className="slip-store">{pick(store.data?.name) || t('app.name')}</div>
      </header>
      <table className="slip-meta">
        <tbody>
          <tr><th>{t('orders.number')}</th><td className="mono">{order.number}</td><th>{t('orders.placedAt')}</th><td><DateTime at={order.placedAt} /></td></tr>
          <tr><th>{t('orders.shippingMethod')}</th><td>{pick(order.shippingMethodName) || '—'}</td><th>{t('slip.units')}</th><td>{units}</td></tr>
        </tbody>
      </table>
      <section className="slip-address">
        <h2>{t('slip.shipTo')}</h2>
        <p><strong>{a.recipient}</strong> {a.mobile}</p>
        <p>{a.regionText} {a.detail}{a.postalCode ? ` ${a.postalCode}` : ''}</p>
      </section>
      <table className="slip-lines">
        <thead>
          <tr><th style={{ width: 32 }}>✓</th><th>SKU</th><th>{t('orders.product')}</th><th>{t('slip.options')}</th><th style={{ width: 70 }}>{t('orders.quantity')}</th></tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <tr key={l.id}>
              <td><span className="box" /></td>
              <td className="mono">{l.sku}</td>
              <td>{pick(l.title)}</td>
              <td>{optionsText(l.options, currentLanguage()) || '—'}</td>
              <td className="num">{l.toPack}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {order.note ? <section className="slip-note"><h2>{t('orders.note')}</h2><p>{order.note}</p></section> : null}
      <footer>{t('slip.thanks')}</footer>
    </main>
  );
}
