import { useState } from 'react';
import { Descriptions, Drawer, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { useLoad } from '../../app/hooks';
import { pick } from '../../i18n';
import { DateTime, Money } from '../../components/format';
import { ErrorState } from '../../components/ErrorState';
import type { GroupBuy } from './group-buy-form';

type TeamState = 'open' | 'filled' | 'failed';
interface Team {
  id: string; state: TeamState; size: number; paid: number; held: number; houseSeats: number; seatsLeft: number; msLeft: number; deadline: string;
  members: Array<{ name: string; role: 'leader' | 'member'; paid: boolean }>;
}
interface Report { teams: Record<TeamState, number>; successRate: number | null; gmv: number; refundedOrders: number }

const STATE_COLORS: Record<TeamState, string> = { open: 'blue', filled: 'green', failed: 'red' };
const STATES: TeamState[] = ['open', 'filled', 'failed'];

/** Teams open / filled / failed for one row, from its report. */
export function TeamCounts({ id }: { id: string }) {
  const report = useLoad(() => api.get<Report>(`/group-buys/${id}/report`), [id]);
  if (!report.data) return <>{report.error ? '—' : '…'}</>;
  const { open, filled, failed } = report.data.teams;
  return <span style={{ whiteSpace: 'nowrap' }}><Tag color="blue">{open}</Tag><Tag color="green">{filled}</Tag><Tag color="red">{failed}</Tag></span>;
}

/** An activity's teams, filtered by state. */
export function TeamsDrawer({ activity, onClose }: { activity: GroupBuy | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [state, setState] = useState<TeamState | 'all'>('all');
  const teams = useLoad(
    () => (activity ? api.get<{ items: Team[] }>(`/group-buys/${activity.id}/teams`, state === 'all' ? undefined : { state }).then((r) => r.items) : Promise.resolve([])),
    [activity?.id, state],
  );
  return (
    <Drawer open={activity !== null} onClose={() => { setState('all'); onClose(); }} title={activity ? t('groupBuys.teamsTitle', { name: pick(activity.name) }) : ''} size="large" destroyOnHidden>
      <Space style={{ marginBottom: 16 }}>
        <Typography.Text>{t('groupBuys.state')}</Typography.Text>
        <Select
          aria-label={t('groupBuys.state')}
          style={{ width: 160 }}
          value={state}
          onChange={setState}
          options={[{ value: 'all', label: t('common.all') }, ...STATES.map((s) => ({ value: s, label: t(`groupBuys.states.${s}`) }))]}
        />
      </Space>
      {teams.error ? <ErrorState error={teams.error} onRetry={teams.reload} /> : null}
      <Table<Team>
        rowKey="id"
        size="small"
        loading={teams.loading}
        dataSource={teams.data}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('groupBuys.noTeams') }}
        columns={[
          {
            title: t('groupBuys.members'), key: 'm',
            render: (_, r) => (
              <Space size={4} wrap>
                {r.members.map((m, i) => (
                  <Tag key={i} color={m.paid ? 'green' : 'default'}>{m.name}{m.role === 'leader' ? ` · ${t('groupBuys.leader')}` : ''}{m.paid ? '' : ` · ${t('groupBuys.unpaid')}`}</Tag>
                ))}
                {r.houseSeats > 0 ? <Tag>{t('groupBuys.houseSeats', { n: r.houseSeats })}</Tag> : null}
              </Space>
            ),
          },
          { title: t('groupBuys.seats'), key: 's', align: 'right', render: (_, r) => t('groupBuys.seatsValue', { paid: r.paid, size: r.size, left: r.seatsLeft }) },
          { title: t('groupBuys.deadline'), key: 'd', render: (_, r) => <DateTime at={r.deadline} /> },
          { title: t('groupBuys.state'), key: 'st', render: (_, r) => <Tag color={STATE_COLORS[r.state]}>{t(`groupBuys.states.${r.state}`)}</Tag> },
        ]}
      />
    </Drawer>
  );
}

/** An activity's report: success rate, GMV of filled teams, orders refunded, teams by state. */
export function ReportDrawer({ activity, onClose }: { activity: GroupBuy | null; onClose: () => void }) {
  const { t } = useTranslation();
  const report = useLoad(() => (activity ? api.get<Report>(`/group-buys/${activity.id}/report`) : Promise.resolve(null)), [activity?.id]);
  const r = report.data;
  return (
    <Drawer open={activity !== null} onClose={onClose} title={activity ? t('groupBuys.reportTitle', { name: pick(activity.name) }) : ''} size="large" destroyOnHidden>
      {report.error ? <ErrorState error={report.error} onRetry={report.reload} /> : null}
      {r ? (
        <Descriptions bordered column={1} size="middle">
          <Descriptions.Item label={t('groupBuys.successRate')}>{r.successRate === null ? t('groupBuys.noClosedTeams') : `${(r.successRate * 100).toFixed(1)}%`}</Descriptions.Item>
          <Descriptions.Item label={t('groupBuys.gmv')}><Money fen={r.gmv} /></Descriptions.Item>
          <Descriptions.Item label={t('groupBuys.refundedOrders')}>{r.refundedOrders}</Descriptions.Item>
          {STATES.map((s) => (
            <Descriptions.Item key={s} label={t('groupBuys.teamsIn', { state: t(`groupBuys.states.${s}`) })}><Tag color={STATE_COLORS[s]}>{r.teams[s]}</Tag></Descriptions.Item>
          ))}
        </Descriptions>
      ) : null}
    </Drawer>
  );
}
