import { useState } from 'react';
import { Link } from 'react-router';
import { Button, Drawer, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { useLoad } from '../../app/hooks';
import { pick } from '../../i18n';
import { DataTable } from '../../components/DataTable';
import { ErrorState } from '../../components/ErrorState';
import { useNarrow } from '../../app/responsive';
import { DateTime } from '../../components/format';
import type { Page, StockLedgerEntry, StockLine, Warehouse } from '../../types';

/** A variant's stock movements, newest first (adminListStockLedger), with "load more". */
export function LedgerDrawer({ line, warehouses, onClose }: { line: StockLine | null; warehouses: Warehouse[]; onClose(): void }) {
  const { t } = useTranslation();
  const narrow = useNarrow();
  const [pages, setPages] = useState<{ variantId?: string; items: StockLedgerEntry[]; cursor: string | null }>({ items: [], cursor: null });
  const first = useLoad(async () => {
    if (!line) return null;
    const page = await api.get<Page<StockLedgerEntry>>('/stock/ledger', { variantId: line.variantId, limit: 50 });
    setPages({ variantId: line.variantId, items: page.items, cursor: page.nextCursor });
    return page;
  }, [line?.variantId]);
  const [more, setMore] = useState(false);
  const loadMore = async () => {
    if (!line || !pages.cursor) return;
    setMore(true);
    try {
      const page = await api.get<Page<StockLedgerEntry>>('/stock/ledger', { variantId: line.variantId, limit: 50, cursor: pages.cursor });
      setPages((p) => ({ ...p, items: [...p.items, ...page.items], cursor: page.nextCursor }));
    } finally {
      setMore(false);
    }
  };
  const whName = (id: string) => pick(warehouses.find((w) => w.id === id)?.name) || id.slice(0, 8);
  const signed = (n: number) => (n > 0 ? <Typography.Text type="success">+{n}</Typography.Text> : n < 0 ? <Typography.Text type="danger">{n}</Typography.Text> : <Typography.Text type="secondary">0</Typography.Text>);

  return (
    <Drawer open={line !== null} onClose={onClose} size={narrow ? '100%' : 820} title={line ? `${t('stock.ledger')} · ${line.sku ?? ''}` : ''}>
      {first.error ? <ErrorState error={first.error} onRetry={first.reload} /> : null}
      <DataTable<StockLedgerEntry>
        label={t('stock.ledger')}
        rowKey="id"
        size="small"
        loading={first.loading}
        dataSource={pages.items}
        pagination={false}
        columns={[
          { title: t('stock.at'), dataIndex: 'at', width: 150, render: (v: string) => <DateTime at={v} /> },
          { title: t('stock.warehouse'), dataIndex: 'warehouseId', width: 120, render: whName },
          { title: t('stock.reason'), dataIndex: 'reason', width: 120, render: (r: string) => t(`stock.reasons.${r}`, { defaultValue: r }) },
          { title: t('stock.deltaOnHand'), dataIndex: 'deltaOnHand', width: 90, align: 'right', render: signed },
          { title: t('stock.deltaReserved'), dataIndex: 'deltaReserved', width: 90, align: 'right', render: signed },
          { title: t('stock.after'), key: 'after', width: 120, align: 'right', render: (_, e) => `${e.onHandAfter} / ${e.reservedAfter}` },
          {
            title: t('stock.reference'), key: 'ref',
            render: (_, e) =>
              e.refType === 'order' && e.refId ? <Link to={`/orders/${e.refId}`} onClick={onClose}>{t('stock.order')}</Link> : e.refType === 'flashSaleItem' ? t('stock.flashSale') : e.note || (e.refType ? `${e.refType} ${e.refId ?? ''}` : '—'),
          },
        ]}
      />
      {pages.cursor ? <Button block style={{ marginTop: 12 }} loading={more} onClick={() => void loadMore()}>{t('common.loadMore')}</Button> : null}
    </Drawer>
  );
}
