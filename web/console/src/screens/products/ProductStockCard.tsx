import { useState } from 'react';
import { Link } from 'react-router';
import { Button, Card, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { useLoad } from '../../app/hooks';
import { useSession } from '../../app/session';
import { pick } from '../../i18n';
import { DataTable } from '../../components/DataTable';
import { ErrorState } from '../../components/ErrorState';
import type { Page, ProductDetail, StockLine, Warehouse } from '../../types';
import { AdjustStockModal } from '../stock/AdjustStockModal';
import { productStockLines } from './product-stock';

/** The saved product's stock lines (adminListStock for this product), for the card and the publish check. */
export function useProductStock(product: ProductDetail | undefined) {
  const { can } = useSession();
  const readable = can('stock.read');
  const loaded = useLoad(async () => {
    if (!product || !readable) return [];
    const warehouses = await api.get<{ items: Warehouse[] }>('/warehouses');
    // Up to 200 variants × warehouses: follow the pages (100 rows each).
    const lines: StockLine[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 20; i++) {
      const page = await api.get<Page<StockLine>>('/stock', { product: product.id, limit: 100, cursor });
      lines.push(...page.items);
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    const main = warehouses.items.find((w) => w.isDefault) ?? warehouses.items[0];
    return productStockLines(product.title, product.id, product.variants, lines, main);
  }, [product, readable]);
  return { readable, lines: loaded.data, loading: loaded.loading, error: loaded.error, reload: loaded.reload };
}

/** On hand, reserved and available per SKU and warehouse, with the stock screen's adjust action. */
export function ProductStockCard({ stock }: { stock: ReturnType<typeof useProductStock> }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const [adjusting, setAdjusting] = useState<StockLine | null>(null);
  if (!stock.readable) return null;
  return (
    <Card
      title={t('products.stock')}
      style={{ marginTop: 16 }}
      extra={<Button type="text" icon={<ReloadOutlined />} onClick={stock.reload} aria-label={t('products.stockReload')} />}
    >
      {stock.error ? <ErrorState error={stock.error} onRetry={stock.reload} /> : null}
      <DataTable<StockLine>
        label={t('products.stock')}
        size="small"
        pagination={false}
        loading={stock.loading}
        rowKey={(r) => `${r.variantId}:${r.warehouseId}`}
        dataSource={stock.lines}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: 'SKU', dataIndex: 'sku', render: (sku: string | null) => <Typography.Text code>{sku ?? '—'}</Typography.Text> },
          { title: t('stock.warehouse'), key: 'wh', render: (_, r) => pick(r.warehouseName) },
          { title: t('stock.onHand'), dataIndex: 'onHand', align: 'right' },
          { title: t('stock.reserved'), dataIndex: 'reserved', align: 'right' },
          {
            title: t('stock.available'), dataIndex: 'available', align: 'right',
            render: (v: number) => <Typography.Text strong type={v <= 0 ? 'danger' : undefined}>{v}</Typography.Text>,
          },
          {
            key: 'actions', align: 'right',
            render: (_, r) => (can('stock.adjust') ? <Button size="small" type="link" onClick={() => setAdjusting(r)} aria-label={`${t('stock.adjust')} ${r.sku ?? ''}`}>{t('stock.adjust')}</Button> : null),
          },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {can('stock.adjust') ? t('products.stockHelp') : t('products.stockReadOnly')} <Link to="/stock" style={{ textDecoration: 'underline' }}>{t('products.stockScreen')}</Link>
      </Typography.Paragraph>
      <AdjustStockModal line={adjusting} onClose={(changed) => { setAdjusting(null); if (changed) stock.reload(); }} />
    </Card>
  );
}
