import { Button, Card, Empty, Popconfirm, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { useLoad, useUrlFilters } from '../../app/hooks';
import { DataTable } from '../../components/DataTable';
import { ErrorState } from '../../components/ErrorState';
import { useFeedback } from '../../components/feedback';
import { DateTime } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { Pager } from '../../components/Pager';
import type { DeadEvent } from '../../types';

const PAGE = 50;
const spec = { page: 'number' } as const;

/**
 * Event deliveries that failed every retry (adminListDeadEvents) and putting them back in the
 * queue (adminRetryEvent). This list pages by offset, not cursor, so the page number is in the URL.
 */
export default function DeadEventsScreen() {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const { filters, setFilters } = useUrlFilters(spec);
  const page = Math.max(1, filters.page ?? 1);
  const { data, error, loading, reload } = useLoad(() => api.get<{ items: DeadEvent[] }>('/events/dead', { limit: PAGE, offset: (page - 1) * PAGE }), [page]);

  const retry = async (e: DeadEvent) => {
    try {
      const r = await api.post<{ revived: number }>(`/events/${e.eventId}/retry`);
      feedback.ok(t('events.retried', { count: r.revived }));
      reload();
    } catch (err) {
      feedback.fail(err);
    }
  };

  return (
    <>
      <PageHeader title={t('events.title')} sub={t('events.subtitle')} />
      <Card>
        {error ? <ErrorState error={error} onRetry={reload} /> : null}
        <DataTable<DeadEvent>
          label={t('events.title')}
          rowKey={(e) => `${e.eventId}:${e.consumer}`} size="small" loading={loading} dataSource={data?.items} pagination={false}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('events.none')} /> }}
          expandable={{ expandedRowRender: (e) => <pre style={{ fontSize: 12, margin: 0, whiteSpace: 'pre-wrap' }}>{JSON.stringify(e.payload, null, 2)}</pre> }}
          columns={[
            { title: t('events.occurredAt'), dataIndex: 'occurredAt', width: 170, render: (v: string) => <DateTime at={v} seconds /> },
            { title: t('events.type'), dataIndex: 'type', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
            { title: t('events.consumer'), dataIndex: 'consumer' },
            { title: t('events.attempts'), dataIndex: 'attempts', width: 90, align: 'right' },
            { title: t('events.lastError'), dataIndex: 'lastError', ellipsis: true, render: (v: string | null) => <Typography.Text type="danger">{v ?? '—'}</Typography.Text> },
            {
              key: 'a', width: 100, align: 'right',
              render: (_, e) => <Popconfirm title={t('events.retryConfirm')} onConfirm={() => retry(e)}><Button size="small" type="primary">{t('events.retry')}</Button></Popconfirm>,
            },
          ]}
        />
        <Pager pageNumber={page} isFirstPage={page === 1} hasNext={(data?.items.length ?? 0) === PAGE} loading={loading}
          onFirst={() => setFilters({ page: null })} onPrevious={() => setFilters({ page: page - 1 > 1 ? page - 1 : null })} onNext={() => setFilters({ page: page + 1 })} />
      </Card>
    </>
  );
}
