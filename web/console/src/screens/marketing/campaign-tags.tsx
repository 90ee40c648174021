import { Tag } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Campaign } from '../../types';

/** One colour per kind, the same in the calendar, its legend and the list. */
export const KIND_COLORS: Record<Campaign['kind'], string> = { holiday: 'red', theme: 'blue', launch: 'green', memberDay: 'gold' };
const STATUS_COLORS: Record<Campaign['status'], string> = { draft: 'default', published: 'green', paused: 'orange' };
const STATE_COLORS: Record<Campaign['state'], string> = { upcoming: 'blue', live: 'green', ended: 'default' };

export function KindTag({ kind }: { kind: Campaign['kind'] }) {
  const { t } = useTranslation();
  return <Tag color={KIND_COLORS[kind]}>{t(`campaigns.kinds.${kind}`)}</Tag>;
}

export function StatusTag({ status }: { status: Campaign['status'] }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLORS[status]}>{t(`campaigns.statuses.${status}`)}</Tag>;
}

export function StateTag({ state }: { state: Campaign['state'] }) {
  const { t } = useTranslation();
  return <Tag color={STATE_COLORS[state]}>{t(`campaigns.states.${state}`)}</Tag>;
}

/** A channel's name; a utm_source the console does not know (from a hand-made link) is shown as it is. */
export const channelLabel = (t: TFunction, channel: string) => t(`campaigns.channels.${channel}`, { defaultValue: channel });
