import { Link } from 'react-router';
import { Card, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { useCursorList } from '../../app/hooks';
import { toApiQuery } from '../../app/url-state';
import { DataTable } from '../../components/DataTable';
import { ErrorState } from '../../components/ErrorState';
import { FilterBar } from '../../components/FilterBar';
import { DateTime } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { Pager } from '../../components/Pager';
import type { Customer, Page } from '../../types';

const spec = { q: 'string' } as const;

/** Customers, newest first (adminListCustomers); search by email, mobile or name. */
export default function CustomerListScreen() {
  const { t } = useTranslation();
  const list = useCursorList(spec, (f, cursor) => api.get<Page<Customer>>('/customers', { ...toApiQuery(f), cursor, limit: 20 }));
  const { filters, setFilters } = list;
  return (
    <>
      <PageHeader title={t('customers.title')} />
      <Card>
        <FilterBar>
          <Input.Search key={filters.q ?? ''} defaultValue={filters.q} allowClear placeholder={t('customers.searchPlaceholder')} aria-label={t('customers.searchPlaceholder')} style={{ width: 320 }} onSearch={(q) => setFilters({ q })} />
        </FilterBar>
        {list.error ? <ErrorState error={list.error} onRetry={list.reload} /> : null}
        <DataTable<Customer>
          label={t('customers.title')}
          rowKey="id" size="middle" loading={list.loading} dataSource={list.data?.items} pagination={false}
          columns={[
            { title: t('customers.name'), key: 'name', render: (_, c) => <Link to={`/customers/${c.id}`}>{c.name || c.email || c.mobile || c.id.slice(0, 8)}</Link> },
            { title: t('customers.email'), dataIndex: 'email', render: (v: string | null) => v ?? '—' },
            { title: t('customers.mobile'), dataIndex: 'mobile', render: (v: string | null) => v ?? '—' },
            { title: t('customers.channel'), dataIndex: 'acquisitionChannel', width: 110, render: (c: string | null) => (c ? t(`channels.${c}`, { defaultValue: c }) : '—') },
            { title: t('customers.locale'), dataIndex: 'locale', width: 90 },
            { title: t('customers.registeredAt'), dataIndex: 'createdAt', width: 160, render: (v: string) => <DateTime at={v} /> },
          ]}
        />
        <Pager pageNumber={list.pageNumber} isFirstPage={list.isFirstPage} hasNext={list.hasNext} loading={list.loading} onFirst={list.first} onPrevious={list.previous} onNext={list.next} />
      </Card>
    </>
  );
}
