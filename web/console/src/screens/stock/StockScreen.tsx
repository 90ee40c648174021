import { useState } from 'react';
import { Link } from 'react-router';
import { Button, Card, Flex, Input, InputNumber, Select, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { useCursorList, useLoad } from '../../app/hooks';
import { toApiQuery } from '../../app/url-state';
import { useSession } from '../../app/session';
import { pick } from '../../i18n';
import { DataTable } from '../../components/DataTable';
import { ErrorState } from '../../components/ErrorState';
import { FilterBar } from '../../components/FilterBar';
import { DateTime } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { Pager } from '../../components/Pager';
import type { Page, StockLine, Warehouse } from '../../types';
import { AdjustStockModal } from './AdjustStockModal';
import { LedgerDrawer } from './LedgerDrawer';

const spec = { sku: 'string', warehouse: 'string', lowStock: 'number', product: 'string' } as const;

/** Stock per variant and warehouse (adminListStock), adjustments (adjustStock) and each variant's ledger. */
export default function StockScreen() {
  const { t } = useTranslation();
  const { can } = useSession();
  const warehouses = useLoad(() => api.get<{ items: Warehouse[] }>('/warehouses').then((r) => r.items), []);
  const list = useCursorList(spec, (f, cursor) => api.get<Page<StockLine>>('/stock', { ...toApiQuery(f), cursor, limit: 50 }));
  const { filters, setFilters } = list;
  const [adjusting, setAdjusting] = useState<StockLine | null>(null);
  const [ledgerOf, setLedgerOf] = useState<StockLine | null>(null);

  return (
    <>
      <PageHeader title={t('stock.title')} sub={t('stock.subtitle')} />
      <Card>
        <FilterBar>
          <Input.Search key={filters.sku ?? ''} defaultValue={filters.sku} allowClear placeholder={t('stock.skuPlaceholder')} aria-label={t('stock.skuPlaceholder')} style={{ width: 260 }} onSearch={(sku) => setFilters({ sku })} />
          <Select
            allowClear
            placeholder={t('stock.warehouse')}
            aria-label={t('stock.warehouse')}
            style={{ width: 200 }}
            value={filters.warehouse}
            options={(warehouses.data ?? []).map((w) => ({ value: w.id, label: `${pick(w.name)} (${w.code})` }))}
            onChange={(v) => setFilters({ warehouse: v ?? null })}
          />
          <Flex align="center" gap={6}>
            <label htmlFor="stock-low">{t('stock.lowStock')}</label>
            <InputNumber id="stock-low" min={0} placeholder="≤" value={filters.lowStock} onChange={(v) => setFilters({ lowStock: v ?? null })} style={{ width: 90 }} />
          </Flex>
          {filters.product ? <Tag closable onClose={() => setFilters({ product: null })}>{t('stock.oneProduct')}</Tag> : null}
        </FilterBar>
        {list.error ? <ErrorState error={list.error} onRetry={list.reload} /> : null}
        <DataTable<StockLine>
          label={t('stock.title')}
          rowKey={(r) => `${r.variantId}:${r.warehouseId}`}
          size="middle"
          loading={list.loading}
          dataSource={list.data?.items}
          pagination={false}
          columns={[
            { title: 'SKU', dataIndex: 'sku', width: 180, render: (sku: string | null) => <Typography.Text code>{sku ?? '—'}</Typography.Text> },
            { title: t('stock.product'), key: 'title', render: (_, r) => (r.productId ? <Link to={`/products/${r.productId}`}>{pick(r.title)}</Link> : pick(r.title) || '—') },
            { title: t('stock.warehouse'), key: 'wh', width: 120, render: (_, r) => <span title={r.warehouseCode}>{pick(r.warehouseName)}</span> },
            { title: t('stock.onHand'), dataIndex: 'onHand', width: 80, align: 'right' },
            { title: t('stock.reserved'), dataIndex: 'reserved', width: 80, align: 'right' },
            {
              title: t('stock.available'), dataIndex: 'available', width: 90, align: 'right',
              render: (v: number) => <Typography.Text strong type={v <= 0 ? 'danger' : v <= 10 ? 'warning' : undefined}>{v}</Typography.Text>,
            },
            { title: t('common.updatedAt'), dataIndex: 'updatedAt', width: 140, render: (v: string) => <DateTime at={v} /> },
            {
              key: 'actions', width: 130, align: 'right',
              render: (_, r) => (
                <Flex justify="flex-end" style={{ whiteSpace: 'nowrap' }}>
                  {can('stock.adjust') ? <Button size="small" type="link" onClick={() => setAdjusting(r)}>{t('stock.adjust')}</Button> : null}
                  <Button size="small" type="link" onClick={() => setLedgerOf(r)}>{t('stock.ledger')}</Button>
                </Flex>
              ),
            },
          ]}
        />
        <Pager pageNumber={list.pageNumber} isFirstPage={list.isFirstPage} hasNext={list.hasNext} loading={list.loading} onFirst={list.first} onPrevious={list.previous} onNext={list.next} />
      </Card>
      <AdjustStockModal line={adjusting} onClose={(changed) => { setAdjusting(null); if (changed) list.reload(); }} />
      <LedgerDrawer line={ledgerOf} warehouses={warehouses.data ?? []} onClose={() => setLedgerOf(null)} />
    </>
  );
}
