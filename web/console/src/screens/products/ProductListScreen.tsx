import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button, Card, Flex, Image, Input, Select, Space, Tabs, Tag, TreeSelect, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { useCursorList } from '../../app/hooks';
import { toApiQuery } from '../../app/url-state';
import { useSession } from '../../app/session';
import { useNarrow } from '../../app/responsive';
import { pick } from '../../i18n';
import { DataTable } from '../../components/DataTable';
import { ErrorState } from '../../components/ErrorState';
import { FilterBar } from '../../components/FilterBar';
import { Money, ProductStatusTag } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { Pager } from '../../components/Pager';
import type { AdminProductSummary, Page } from '../../types';
import { categoryTreeData, flattenCategories, useCatalogLookups } from './lookups';
import { BulkStatusButtons } from './BulkStatusButtons';
import { ProductCsvButtons } from './ProductCsvButtons';

const spec = { q: 'string', status: 'string', category: 'string', brand: 'string', stock: 'string' } as const;
/** The API's LOW_STOCK: at or below it a product is low on stock. */
const LOW_STOCK = 10;

/** Products in any status with units available (adminListProducts), with search and filters (status, stock level…) kept in the URL. */
export default function ProductListScreen() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { can } = useSession();
  const { categories, brands } = useCatalogLookups();
  const [selected, setSelected] = useState<string[]>([]);
  const list = useCursorList(spec, (f, cursor) => api.get<Page<AdminProductSummary>>('/products', { ...toApiQuery(f), cursor, limit: 20 }));
  const { filters, setFilters } = list;
  const categoryName = useMemo(() => new Map(flattenCategories(categories.data).map((c) => [c.id, pick(c.name)])), [categories.data]);
  const brandName = useMemo(() => new Map((brands.data ?? []).map((b) => [b.id, pick(b.name)])), [brands.data]);
  const writable = can('catalog.write');
  const narrow = useNarrow();

  return (
    <>
      <PageHeader
        title={t('products.title')}
        extra={
          <>
            <ProductCsvButtons onImported={list.reload} />
            {writable ? <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/products/new')}>{t('products.create')}</Button> : null}
          </>
        }
      />
      <Card>
        <Tabs
          activeKey={filters.status ?? 'all'}
          tabBarGutter={narrow ? 20 : undefined}
          onChange={(k) => setFilters({ status: k === 'all' ? null : k })}
          items={['all', 'active', 'draft', 'archived'].map((k) => ({ key: k, label: k === 'all' ? t('common.all') : t(`productStatus.${k}`) }))}
        />
        <FilterBar>
          <Input.Search
            key={filters.q ?? ''}
            defaultValue={filters.q}
            allowClear
            placeholder={t('products.searchPlaceholder')}
            aria-label={t('products.searchPlaceholder')}
            style={{ width: 300 }}
            onSearch={(q) => setFilters({ q })}
          />
          <TreeSelect
            allowClear
            showSearch={{ treeNodeFilterProp: 'title' }}
            placeholder={t('products.category')}
            aria-label={t('products.category')}
            style={{ width: 220 }}
            value={filters.category}
            treeData={categoryTreeData(categories.data)}
            onChange={(v) => setFilters({ category: v ?? null })}
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('products.brand')}
            aria-label={t('products.brand')}
            style={{ width: 200 }}
            value={filters.brand}
            options={(brands.data ?? []).map((b) => ({ value: b.id, label: pick(b.name) }))}
            onChange={(v) => setFilters({ brand: v ?? null })}
          />
          <Select
            allowClear
            placeholder={t('products.stockLevel')}
            aria-label={t('products.stockLevel')}
            style={{ width: 160 }}
            value={filters.stock}
            options={(['out', 'low', 'in'] as const).map((k) => ({ value: k, label: t(`products.stockLevels.${k}`) }))}
            onChange={(v) => setFilters({ stock: v ?? null })}
          />
          {writable ? <BulkStatusButtons ids={selected} onDone={() => { setSelected([]); list.reload(); }} /> : null}
        </FilterBar>
        {list.error ? <ErrorState error={list.error} onRetry={list.reload} /> : null}
        <DataTable<AdminProductSummary>
          label={t('products.title')}
          rowKey="id"
          size="middle"
          loading={list.loading}
          dataSource={list.data?.items}
          pagination={false}
          rowSelection={writable ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]), preserveSelectedRowKeys: true } : undefined}
          columns={[
            {
              title: t('products.product'),
              key: 'title',
              render: (_, p) => (
                <Flex gap={12} align="center">
                  {p.image ? <Image src={p.image.url} alt={pick(p.image.alt)} width={44} height={44} preview={false} style={{ borderRadius: 4 }} /> : <div style={{ width: 44, height: 44, background: '#f0f0f0', borderRadius: 4 }} />}
                  <div>
                    <Link to={`/products/${p.id}`}>{pick(p.title)}</Link>
                    <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{p.slug}</Typography.Text></div>
                  </div>
                </Flex>
              ),
            },
            { title: t('products.category'), key: 'category', width: 140, render: (_, p) => categoryName.get(p.categoryId) ?? '—' },
            { title: t('products.brand'), key: 'brand', width: 140, render: (_, p) => (p.brandId ? brandName.get(p.brandId) ?? '—' : '—') },
            {
              title: t('products.price'), key: 'price', width: 170, align: 'right',
              render: (_, p) => (p.priceMin === p.priceMax ? <Money fen={p.priceMin} /> : <><Money fen={p.priceMin} /> – <Money fen={p.priceMax} /></>),
            },
            { title: t('products.status'), key: 'status', width: 100, render: (_, p) => <ProductStatusTag status={p.status} /> },
            {
              title: t('stock.available'), dataIndex: 'available', width: 90, align: 'right',
              render: (v: number) => (
                <Typography.Text strong type={v <= 0 ? 'danger' : v <= LOW_STOCK ? 'warning' : undefined}>
                  {v <= 0 ? t('products.soldOut') : v}
                </Typography.Text>
              ),
            },
            { title: t('products.sales'), dataIndex: 'salesCount', width: 90, align: 'right' },
            {
              title: t('products.flags'), key: 'flags', width: 150,
              render: (_, p) => (
                <Space size={4} wrap>
                  {p.privateLabel ? <Tag color="blue">{t('products.privateLabel')}</Tag> : null}
                  {p.exclusive ? <Tag color="purple">{t('products.exclusive')}</Tag> : null}
                </Space>
              ),
            },
          ]}
        />
        <Pager pageNumber={list.pageNumber} isFirstPage={list.isFirstPage} hasNext={list.hasNext} loading={list.loading} onFirst={list.first} onPrevious={list.previous} onNext={list.next} />
      </Card>
    </>
  );
}
