import { useContext, useMemo } from 'react';
import { Link } from 'react-router';
import { Button, Calendar, Empty, Flex, List, Space, Spin, Tag, Typography } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNarrow } from '../../app/responsive';
import { StoreTimeZone, formatInstant } from '../../components/format';
import { pick } from '../../i18n';
import type { Campaign } from '../../types';
import { campaignDays, campaignsByDay, monthSpan } from './campaign-calendar';
import { KIND_COLORS, KindTag, StateTag, StatusTag } from './campaign-tags';

interface Props {
  /** YYYY-MM */
  month: string;
  onMonth: (month: string) => void;
  campaigns: Campaign[] | undefined;
  loading: boolean;
}

/** When a campaign runs, in the store's time zone: its window, or "monthly on the 18th" for a member day. */
export function CampaignWhen({ c }: { c: Campaign }) {
  const { t } = useTranslation();
  const tz = useContext(StoreTimeZone);
  const range = `${formatInstant(c.startsAt, tz)} – ${formatInstant(c.endsAt, tz)}`;
  if (!c.recurrence) return <span>{range}</span>;
  return (
    <span>
      {t('campaigns.everyMonth', { day: c.recurrence.monthDay })}
      <span style={{ color: 'rgba(0, 0, 0, 0.55)' }}> · {range}</span>
    </span>
  );
}

/**
 * The month's campaigns on a calendar, each on the days it runs (a member day on its day of each
 * month), coloured by kind; a name opens the campaign. On a phone the days carry coloured dots and
 * the month's campaigns are listed below, where the names fit.
 */
export function CampaignCalendar({ month, onMonth, campaigns, loading }: Props) {
  const { t } = useTranslation();
  const tz = useContext(StoreTimeZone);
  const narrow = useNarrow();
  const span = useMemo(() => monthSpan(month), [month]);
  const byDay = useMemo(() => campaignsByDay(sorted(campaigns ?? []), span.from, span.to, tz), [campaigns, span, tz]);
  const first = `${month}-01`;
  const last = dayjs(first).endOf('month').format('YYYY-MM-DD');
  const ofMonth = useMemo(() => sorted(campaigns ?? []).filter((c) => campaignDays(c, first, last, tz).length > 0), [campaigns, first, last, tz]);
  const shown = dayjs(first);
  const go = (d: Dayjs) => onMonth(d.format('YYYY-MM'));

  const cell = (date: Dayjs) => {
    const list = byDay.get(date.format('YYYY-MM-DD')) ?? [];
    if (!list.length) return null;
    if (narrow) {
      return (
        <Flex gap={3} wrap justify="center" aria-hidden>
          {list.slice(0, 4).map((c) => <span key={c.id} className={`sk-cal-dot sk-cal-${KIND_COLORS[c.kind]}`} />)}
        </Flex>
      );
    }
    return (
      <ul className="sk-cal-items">
        {list.slice(0, 3).map((c) => (
          <li key={c.id}>
            <Link to={`/marketing/campaigns/${c.id}`} title={`${pick(c.name)} · ${t(`campaigns.statuses.${c.status}`)}`} onClick={(e) => e.stopPropagation()}>
              <Tag color={KIND_COLORS[c.kind]} className={`sk-cal-tag sk-cal-${c.status}`}>{pick(c.name)}</Tag>
            </Link>
          </li>
        ))}
        {list.length > 3 ? <li><Typography.Text type="secondary">{t('campaigns.moreOnDay', { count: list.length - 3 })}</Typography.Text></li> : null}
      </ul>
    );
  };

  return (
    <>
      <Spin spinning={loading}>
        <Calendar
          className={narrow ? 'sk-cal sk-cal-phone' : 'sk-cal'}
          mode="month"
          value={shown}
          // Only the month matters here: a day's campaigns are reached through their names (or the list).
          onSelect={(d, info) => { if (info.source !== 'date') go(d); }}
          cellRender={(d, info) => (info.type === 'date' ? cell(d) : info.originNode)}
          headerRender={() => (
            <Flex justify="space-between" align="center" wrap gap={8} style={{ padding: '8px 0 12px' }}>
              <Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>
                {t('campaigns.month', { year: shown.year(), month: shown.month() + 1, monthName: shown.format('MMMM') })}
              </Typography.Title>
              <Space wrap>
                <Button icon={<LeftOutlined />} aria-label={t('campaigns.prevMonth')} onClick={() => go(shown.subtract(1, 'month'))} />
                <Button onClick={() => go(dayjs())}>{t('campaigns.thisMonth')}</Button>
                <Button icon={<RightOutlined />} aria-label={t('campaigns.nextMonth')} onClick={() => go(shown.add(1, 'month'))} />
              </Space>
            </Flex>
          )}
        />
      </Spin>
      <Flex gap={8} wrap align="center" style={{ margin: '12px 0' }}>
        <Typography.Text type="secondary">{t('campaigns.legend')}:</Typography.Text>
        {(['holiday', 'theme', 'launch', 'memberDay'] as const).map((k) => <KindTag key={k} kind={k} />)}
        {narrow ? null : <Typography.Text type="secondary">{t('campaigns.legendStatus')}</Typography.Text>}
      </Flex>
      {ofMonth.length ? (
        <List
          size="small"
          bordered
          dataSource={ofMonth}
          renderItem={(c) => (
            <List.Item>
              <Flex vertical gap={4} style={{ minWidth: 0 }}>
                <Space wrap size={4}>
                  <KindTag kind={c.kind} />
                  <Link to={`/marketing/campaigns/${c.id}`}>{pick(c.name)}</Link>
                  <StatusTag status={c.status} />
                  <StateTag state={c.state} />
                </Space>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}><CampaignWhen c={c} /></Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      ) : loading ? null : (
        <Empty description={t('campaigns.noneThisMonth')} />
      )}
    </>
  );
}

/** A day shows three names: what is (or will be) online first, then drafts, paused last; then by start. */
const STATUS_RANK: Record<Campaign['status'], number> = { published: 0, draft: 1, paused: 2 };
function sorted(list: Campaign[]): Campaign[] {
  return [...list].sort((a, b) => STATUS_RANK[a.status] - STATUS_RANK[b.status] || Date.parse(a.startsAt) - Date.parse(b.startsAt) || a.slug.localeCompare(b.slug));
}
