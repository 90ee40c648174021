import { Card, Input, Select, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { useCursorList } from '../../app/hooks';
import { toApiQuery } from '../../app/url-state';
import { DataTable } from '../../components/DataTable';
import { ErrorState } from '../../components/ErrorState';
import { FilterBar } from '../../components/FilterBar';
import { DateTime } from '../../components/format';
import { Pager } from '../../components/Pager';
import type { OutboxMessage, Page } from '../../types';

const spec = { to: 'string', channel: 'string' } as const;

/** The sandbox outbox (adminListMessages): email and SMS the store would have sent. */
export function MessagesTab() {
  const { t } = useTranslation();
  const list = useCursorList(spec, (f, cursor) => api.get<Page<OutboxMessage>>('/messages', { ...toApiQuery(f), cursor, limit: 20 }));
  const { filters, setFilters } = list;
  return (
    <Card title={t('settings.messages')}>
      <Typography.Paragraph type="secondary">{t('messages.help')}</Typography.Paragraph>
      <FilterBar>
        <Input.Search key={filters.to ?? ''} defaultValue={filters.to} allowClear placeholder={t('messages.to')} aria-label={t('messages.to')} style={{ width: 280 }} onSearch={(to) => setFilters({ to })} />
        <Select allowClear placeholder={t('messages.channel')} aria-label={t('messages.channel')} style={{ width: 140 }} value={filters.channel}
          options={[{ value: 'email', label: t('messages.email') }, { value: 'sms', label: t('messages.sms') }]} onChange={(channel) => setFilters({ channel: channel ?? null })} />
      </FilterBar>
      {list.error ? <ErrorState error={list.error} onRetry={list.reload} /> : null}
      <DataTable<OutboxMessage>
        label={t('settings.messages')}
        rowKey="id" size="small" loading={list.loading} dataSource={list.data?.items} pagination={false}
        expandable={{ expandedRowRender: (m) => <pre style={{ whiteSpace: 'pre-wrap', margin: 0, fontSize: 12 }}>{m.body}</pre> }}
        columns={[
          { title: t('messages.at'), dataIndex: 'createdAt', width: 160, render: (v: string) => <DateTime at={v} seconds /> },
          { title: t('messages.channel'), dataIndex: 'channel', width: 90, render: (c: string) => <Tag color={c === 'email' ? 'blue' : 'green'}>{t(`messages.${c}`)}</Tag> },
          { title: t('messages.to'), dataIndex: 'to', width: 240 },
          { title: t('messages.subject'), dataIndex: 'subject' },
        ]}
      />
      <Pager pageNumber={list.pageNumber} isFirstPage={list.isFirstPage} hasNext={list.hasNext} loading={list.loading} onFirst={list.first} onPrevious={list.previous} onNext={list.next} />
    </Card>
  );
}
