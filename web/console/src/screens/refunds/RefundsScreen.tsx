import { Link } from 'react-router';
import { Card, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { dictionary } from '../../i18n';
import { reasonText } from '../../components/labels';
import { api } from '../../app/api';
import { useCursorList } from '../../app/hooks';
import { toApiQuery } from '../../app/url-state';
import { DataTable } from '../../components/DataTable';
import { ErrorState } from '../../components/ErrorState';
import { FilterBar } from '../../components/FilterBar';
import { DateTime, Money, RefundStatusTag } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { Pager } from '../../components/Pager';
import type { Page, Refund } from '../../types';
import { RefundDecision } from '../orders/OrderSections';

const spec = { status: 'strings' } as const;
const STATUSES = ['requested', 'approved', 'rejected', 'executed'] as const;

/**
 * Refunds, newest first (adminListRefunds). Opened from the menu it shows the approval queue
 * (status=requested); finance approves or rejects here (approveRefund / rejectRefund).
 */
export default function RefundsScreen() {
  const { t } = useTranslation();
  const list = useCursorList(spec, (f, cursor) => api.get<Page<Refund>>('/refunds', { ...toApiQuery(f), cursor, limit: 20 }));
  const { filters, setFilters } = list;

  return (
    <>
      <PageHeader title={t('refunds.title')} sub={t('refunds.subtitle')} />
      <Card>
        <FilterBar>
          <Select
            mode="multiple" allowClear placeholder={t('refunds.allStatuses')} aria-label={t('refunds.status')} style={{ minWidth: 260 }} value={filters.status}
            options={STATUSES.map((s) => ({ value: s, label: t(`refundStatus.${s}`) }))}
            onChange={(status: string[]) => setFilters({ status })}
          />
        </FilterBar>
        {list.error ? <ErrorState error={list.error} onRetry={list.reload} /> : null}
        <DataTable<Refund>
          label={t('refunds.title')}
          rowKey="id" size="middle" loading={list.loading} dataSource={list.data?.items} pagination={false}
          columns={[
            { title: t('orders.number'), dataIndex: 'orderNumber', width: 190, render: (n: string) => <Link to={`/orders/${n}`} style={{ fontFamily: 'monospace' }}>{n}</Link> },
            { title: t('refunds.status'), dataIndex: 'status', width: 110, render: (s: string) => <RefundStatusTag status={s} /> },
            { title: t('refunds.amount'), dataIndex: 'amount', width: 110, align: 'right', render: (v: number, r) => <Money fen={v} currency={r.currency} /> },
            { title: t('refunds.scope'), key: 'scope', width: 100, render: (_, r) => (r.wholeOrder ? t('refunds.wholeOrder') : t('refunds.unitsCount', { count: r.lines.reduce((s, l) => s + l.quantity, 0) })) },
            { title: t('refunds.reason'), dataIndex: 'reason', render: (v: string, r) => <>{reasonText(v, dictionary().reasons)}{r.decisionNote ? <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.decisionNote}</Typography.Text></div> : null}</> },
            { title: t('refunds.createdAt'), dataIndex: 'createdAt', width: 140, render: (v: string) => <DateTime at={v} /> },
            { title: t('refunds.decidedAt'), key: 'decided', width: 140, render: (_, r) => <DateTime at={r.executedAt ?? r.decidedAt} /> },
            { key: 'a', width: 140, align: 'right', render: (_, r) => <RefundDecision refund={r} onDone={list.reload} /> },
          ]}
        />
        <Pager pageNumber={list.pageNumber} isFirstPage={list.isFirstPage} hasNext={list.hasNext} loading={list.loading} onFirst={list.first} onPrevious={list.previous} onNext={list.next} />
      </Card>
    </>
  );
}
