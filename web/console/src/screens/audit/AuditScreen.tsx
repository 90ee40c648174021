import { Link } from 'react-router';
import { Button, Card, DatePicker, Flex, Input, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { useCursorList } from '../../app/hooks';
import { toApiQuery } from '../../app/url-state';
import { DataTable } from '../../components/DataTable';
import { ErrorState } from '../../components/ErrorState';
import { FilterBar } from '../../components/FilterBar';
import { DateTime, money } from '../../components/format';
import { currentLanguage, dictionary } from '../../i18n';
import { auditSentence, type SentencePart } from './sentence';
import { PageHeader } from '../../components/PageHeader';
import { Pager } from '../../components/Pager';
import type { AuditEntry, Page } from '../../types';

const spec = { action: 'string', entityType: 'string', entityId: 'string', staffId: 'string', from: 'string', to: 'string' } as const;

/** Every admin write, newest first (adminListAudit), as a sentence linking to its target; the raw before/after behind a toggle. */
export default function AuditScreen() {
  const { t } = useTranslation();
  const list = useCursorList(spec, (f, cursor) => api.get<Page<AuditEntry>>('/audit-log', { ...toApiQuery(f), cursor, limit: 30 }));
  const { filters, setFilters } = list;
  return (
    <>
      <PageHeader title={t('audit.title')} />
      <Card>
        <FilterBar>
          <Input.Search key={`a${filters.action ?? ''}`} defaultValue={filters.action} allowClear placeholder={t('audit.actionPlaceholder')} aria-label={t('audit.action')} style={{ width: 240 }} onSearch={(action) => setFilters({ action })} />
          <Input.Search key={`t${filters.entityType ?? ''}`} defaultValue={filters.entityType} allowClear placeholder={t('audit.entityType')} aria-label={t('audit.entityType')} style={{ width: 180 }} onSearch={(entityType) => setFilters({ entityType })} />
          <Input.Search key={`i${filters.entityId ?? ''}`} defaultValue={filters.entityId} allowClear placeholder={t('audit.entityId')} aria-label={t('audit.entityId')} style={{ width: 220 }} onSearch={(entityId) => setFilters({ entityId })} />
          <DatePicker.RangePicker
            showTime
            value={[filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]}
            allowEmpty={[true, true]}
            onChange={(r) => setFilters({ from: r?.[0]?.toISOString() ?? null, to: r?.[1]?.toISOString() ?? null })}
          />
        </FilterBar>
        {list.error ? <ErrorState error={list.error} onRetry={list.reload} /> : null}
        <DataTable<AuditEntry>
          label={t('audit.title')}
          rowKey="id" size="small" loading={list.loading} dataSource={list.data?.items} pagination={false}
          expandable={{
            expandedRowRender: (e) => (
              <Flex gap={16} wrap>
                <Json label={t('audit.before')} value={e.before} />
                <Json label={t('audit.after')} value={e.after} />
              </Flex>
            ),
            expandIcon: ({ expanded, onExpand, record }) => (
              <Button type="link" size="small" aria-expanded={expanded} onClick={(ev) => onExpand(record, ev)} style={{ paddingInline: 0 }}>
                {expanded ? t('audit.hideJson') : t('audit.showJson')}
              </Button>
            ),
            expandIconColumnIndex: 4,
            columnWidth: 150,
          }}
          columns={[
            { title: t('audit.at'), dataIndex: 'at', width: 170, render: (v: string) => <DateTime at={v} seconds /> },
            {
              // A width, so the sentence wraps in it rather than running on where the table scrolls (phones).
              title: t('audit.what'), key: 'what', width: 360,
              render: (_, e) => (
                <>
                  <Sentence parts={auditSentence(e, { lang: currentLanguage(), dict: dictionary(), money: (fen) => money(fen) })} />
                  <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{e.action}</Typography.Text></div>
                </>
              ),
            },
            { title: t('audit.staff'), key: 'staff', width: 200, ellipsis: true, render: (_, e) => <span title={e.staffEmail}>{e.staffEmail}</span> },
            { title: 'IP', dataIndex: 'ip', width: 130, ellipsis: true },
          ]}
        />
        <Pager pageNumber={list.pageNumber} isFirstPage={list.isFirstPage} hasNext={list.hasNext} loading={list.loading} onFirst={list.first} onPrevious={list.previous} onNext={list.next} />
      </Card>
    </>
  );
}

function Sentence({ parts }: { parts: SentencePart[] }) {
  return (
    <span>
      {parts.map((p, i) => (typeof p === 'string' ? <span key={i}>{p}</span> : p.href ? <Link key={i} to={p.href} style={{ textDecoration: 'underline' }}>{p.target}</Link> : <Typography.Text key={i} strong>{p.target}</Typography.Text>))}
    </span>
  );
}

function Json({ label, value }: { label: string; value: unknown }) {
  return (
    <div style={{ flex: 1, minWidth: 0 }}>
      <Typography.Text strong>{label}</Typography.Text>
      <pre style={{ fontSize: 12, background: '#fafafa', padding: 8, maxHeight: 320, overflow: 'auto', margin: '4px 0 0' }}>{value === null || value === undefined ? '—' : JSON.stringify(value, null, 2)}</pre>
    </div>
  );
}
