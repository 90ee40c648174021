import { Link } from 'react-router';
import { Button, Card, DatePicker, Input, Select, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { useCursorList } from '../../app/hooks';
import { toApiQuery } from '../../app/url-state';
import { useSession } from '../../app/session';
import { DataTable } from '../../components/DataTable';
import { ErrorState } from '../../components/ErrorState';
import { FilterBar } from '../../components/FilterBar';
import { DateTime, Money, OrderStatusTag } from '../../components/format';
import { kilobytes, useCsvDownload } from '../../components/downloads';
import { PageHeader } from '../../components/PageHeader';
import { Pager } from '../../components/Pager';
import type { OrderSummary, Page } from '../../types';
import { ORDER_STATES } from './order-states';
import { dictionary, pick } from '../../i18n';
import { orderItemsText } from '../../components/labels';

const spec = { status: 'strings', q: 'string', from: 'string', to: 'string', customerId: 'string' } as const;

/** Orders, newest first (adminListOrders): filters by state, number/mobile and placed dates; CSV export. */
export default function OrderListScreen() {
  const { t } = useTranslation();
  const { can } = useSession();
  const list = useCursorList(spec, (f, cursor) => api.get<Page<OrderSummary>>('/orders', { ...toApiQuery(f), cursor, limit: 20 }));
  const { filters, setFilters } = list;
  const download = useCsvDownload();
  // The export takes the same filters as the list, so what is on screen is what gets downloaded.
  const exportQuery = toApiQuery(filters);

  return (
    <>
      <PageHeader
        title={t('orders.title')}
        extra={
          can('exports.run') ? (
            <Button icon={<DownloadOutlined />} loading={download.busy} onClick={() => void download.run('/orders/export.csv', exportQuery, 'orders.csv', t('csv.exported'))}>
              {download.busy ? t('csv.downloading', { size: kilobytes(download.received ?? 0) }) : t('orders.exportCsv')}
            </Button>
          ) : null
        }
      />
      <Card>
        <FilterBar>
          <Input.Search key={filters.q ?? ''} defaultValue={filters.q} allowClear aria-label={t('orders.searchPlaceholder')} placeholder={t('orders.searchPlaceholder')} style={{ width: 280 }} onSearch={(q) => setFilters({ q })} />
          <Select
            mode="multiple"
            allowClear
            aria-label={t('orders.status')}
            placeholder={t('orders.status')}
            style={{ minWidth: 240 }}
            maxTagCount="responsive"
            value={filters.status}
            options={ORDER_STATES.map((s) => ({ value: s, label: t(`orderStatus.${s}`) }))}
            onChange={(status: string[]) => setFilters({ status })}
          />
          <DatePicker.RangePicker
            value={[filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]}
            onChange={(range) => setFilters({ from: range?.[0]?.format('YYYY-MM-DD') ?? null, to: range?.[1]?.format('YYYY-MM-DD') ?? null })}
            placeholder={[t('orders.placedFrom'), t('orders.placedTo')]}
            allowEmpty={[true, true]}
          />
          {filters.customerId ? <Tag closable onClose={() => setFilters({ customerId: null })}>{t('orders.oneCustomer')}</Tag> : null}
        </FilterBar>
        {list.error ? <ErrorState error={list.error} onRetry={list.reload} /> : null}
        <DataTable<OrderSummary>
          label={t('orders.title')}
          rowKey="id"
          size="middle"
          loading={list.loading}
          dataSource={list.data?.items}
          pagination={false}
          // Fits the 1,052 px a 1366 px window leaves, in both languages; narrower windows scroll it.
          scroll={{ x: 1040 }}
          columns={[
            { title: t('orders.number'), dataIndex: 'number', width: 180, render: (n: string) => <Link to={`/orders/${n}`} style={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>{n}</Link> },
            { title: t('orders.status'), dataIndex: 'status', width: 130, render: (s: string) => <OrderStatusTag status={s} /> },
            { title: t('orders.recipient'), key: 'recipient', width: 115, render: (_, o) => <>{o.recipient}<div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{o.mobile}</Typography.Text></div></> },
            {
              title: t('orders.product'), key: 'items',
              render: (_, o) => {
                const text = o.firstLine ? orderItemsText(pick(o.firstLine.title), o.itemCount, dictionary().orderItems) : String(o.itemCount);
                // The title takes one line (the whole text in a tooltip); how many units, always visible, the next.
                return (
                  <>
                    <Typography.Paragraph ellipsis={{ rows: 1, tooltip: text }} style={{ margin: 0, minWidth: 120 }}>{o.firstLine ? pick(o.firstLine.title) : text}</Typography.Paragraph>
                    {o.itemCount > 1 ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('orderItems.count', { count: o.itemCount })}</Typography.Text> : null}
                  </>
                );
              },
            },
            {
              title: t('orders.total'), dataIndex: 'total', width: 115, align: 'right',
              render: (v: number, o) => (
                <>
                  <Money fen={v} currency={o.currency} />
                  {o.refundedAmount ? <div><Typography.Text type="danger" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>{t('orders.refunded')} <Money fen={o.refundedAmount} currency={o.currency} /></Typography.Text></div> : null}
                </>
              ),
            },
            { title: t('orders.channel'), dataIndex: 'channel', width: 95, render: (c: string | null) => (c ? t(`channels.${c}`, { defaultValue: c }) : '—') },
            { title: t('orders.placedAt'), dataIndex: 'placedAt', width: 140, render: (v: string) => <DateTime at={v} /> },
            { title: t('orders.paidAt'), dataIndex: 'paidAt', width: 140, render: (v: string | null) => <DateTime at={v} /> },
          ]}
        />
        <Pager pageNumber={list.pageNumber} isFirstPage={list.isFirstPage} hasNext={list.hasNext} loading={list.loading} onFirst={list.first} onPrevious={list.previous} onNext={list.next} />
      </Card>
    </>
  );
}
