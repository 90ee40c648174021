import { Card, Skeleton, Statistic, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { money } from '../../components/format';

interface Props {
  title: string;
  kind: 'money' | 'count';
  value: number | null | undefined;
  base: number | null | undefined;
  change: number | null | undefined;
  loading?: boolean;
}

/** One headline figure: today's value, the comparison value and the change as a percentage. */
export function FigureCard({ title, kind, value, base, change, loading }: Props) {
  const { t } = useTranslation();
  const show = (v: number | null | undefined) => (v === null || v === undefined ? '—' : kind === 'money' ? money(v) : v.toLocaleString());
  return (
    <Card>
      {loading ? (
        <Skeleton active paragraph={{ rows: 1 }} />
      ) : (
        <>
          <Statistic title={title} value={show(value)} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('home.comparedWith', { value: show(base) })}{' '}
            <ChangeText change={change} />
          </Typography.Text>
        </>
      )}
    </Card>
  );
}

function ChangeText({ change }: { change: number | null | undefined }) {
  if (change === null || change === undefined) return <span>—</span>;
  const pct = `${(Math.abs(change) * 100).toFixed(1)}%`;
  if (change === 0) return <span>0.0%</span>;
  // Chinese convention (red up, green down) would confuse English readers; colour by good/bad instead.
  return change > 0 ? (
    <span style={{ color: '#237804' }}><ArrowUpOutlined /> {pct}</span>
  ) : (
    <span style={{ color: '#cf1322' }}><ArrowDownOutlined /> {pct}</span>
  );
}

FigureCard.MoneyInline = function MoneyInline({ fen }: { fen: number }) {
  useTranslation();
  return <strong>{money(fen)}</strong>;
};
