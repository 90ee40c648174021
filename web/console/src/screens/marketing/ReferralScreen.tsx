import { useEffect, useState } from 'react';
import { Button, Card, Col, Form, InputNumber, Row, Select, Space, Switch, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { z } from 'zod';
import { useTranslation } from 'react-i18next';
import type { ReferralPolicy, ReferralView, referralPolicyView } from '../../../../../src/web-contract.js';
import type { REFERRAL_STATES } from '../../../../../src/web-contract.js';
import { api } from '../../app/api';
import { useLoad } from '../../app/hooks';
import { useSession } from '../../app/session';
import { pick } from '../../i18n';
import { DataTable } from '../../components/DataTable';
import { DateTime, Money } from '../../components/format';
import { ErrorState } from '../../components/ErrorState';
import { useFeedback } from '../../components/feedback';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import type { CouponTemplate, Page } from '../../types';
import { fen, yuan } from './money-fields';

type PolicyView = z.infer<typeof referralPolicyView>;
type State = (typeof REFERRAL_STATES)[number];
interface Values {
  enabled: boolean;
  inviterPoints: number;
  inviterCoupon: string | null;
  inviteePoints: number;
  inviteeCoupon: string | null;
  refundWindowDays: number;
  minFirstOrderYuan: number;
  monthlyLimit: number;
}
/** The states in their order (the contract's list, typed from it; no server value enters the bundle). */
const STATE_COLOURS: Record<State, string> = { pending: 'default', qualified: 'blue', rewarded: 'green', rejected: 'red' };
const STATES = Object.keys(STATE_COLOURS) as State[];

const valuesOf = (p: PolicyView): Values => ({
  enabled: p.enabled, inviterPoints: p.inviter.points, inviterCoupon: p.inviter.couponTemplateId, inviteePoints: p.invitee.points, inviteeCoupon: p.invitee.couponTemplateId,
  refundWindowDays: p.refundWindowDays, minFirstOrderYuan: yuan(p.minFirstOrder) ?? 0, monthlyLimit: p.monthlyLimit,
});
const policyOf = (v: Values): ReferralPolicy => ({
  enabled: v.enabled,
  inviter: { points: v.inviterPoints ?? 0, couponTemplateId: v.inviterCoupon ?? null },
  invitee: { points: v.inviteePoints ?? 0, couponTemplateId: v.inviteeCoupon ?? null },
  refundWindowDays: v.refundWindowDays, minFirstOrder: fen(v.minFirstOrderYuan) ?? 0, monthlyLimit: v.monthlyLimit ?? 0,
});

/** 邀请有礼: the referral policy (marketing.manage to change) and every referral with its state and the reason of a rejection. */
export default function ReferralScreen() {
  const { t } = useTranslation();
  const { can } = useSession();
  const feedback = useFeedback();
  const writable = can('marketing.manage');
  const policy = useLoad(() => api.get<PolicyView>('/referral/policy'), []);
  const templates = useLoad(() => api.get<{ items: CouponTemplate[] }>('/coupon-templates').then((r) => r.items), []);
  const [state, setState] = useState<State | undefined>();
  const [rows, setRows] = useState<ReferralView[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const first = useLoad(() => api.get<Page<ReferralView>>('/referrals', { limit: 50, ...(state ? { state } : {}) }), [state]);
  const [form] = Form.useForm<Values>();
  useEffect(() => { if (policy.data) form.setFieldsValue(valuesOf(policy.data)); }, [policy.data, form]);
  useEffect(() => {
    if (first.data) {
      setRows(first.data.items);
      setCursor(first.data.nextCursor);
    }
  }, [first.data]);

  const more = async () => {
    try {
      const next = await api.get<Page<ReferralView>>('/referrals', { limit: 50, cursor: cursor!, ...(state ? { state } : {}) });
      setRows((r) => [...r, ...next.items]);
      setCursor(next.nextCursor);
    } catch (err) {
      feedback.fail(err);
    }
  };
  const save = async (v: Values) => {
    try {
      await api.put('/referral/policy', policyOf(v));
      feedback.ok(t('common.savedOk'));
      policy.reload();
    } catch (err) {
      feedback.fail(err);
    }
  };

  if (policy.error) return <ErrorState error={policy.error} onRetry={policy.reload} />;
  if (!policy.data) return <Loading />;
  const couponOptions = (templates.data ?? []).map((c) => ({ value: c.id, label: pick(c.name) }));
  const reward = (points: number, couponId: string | null) =>
    [points ? t('referral.pointsN', { points }) : null, couponId ? t('referral.coupon') : null].filter(Boolean).join(' + ') || '—';
  return (
    <>
      <PageHeader title={t('referral.title')} sub={t('referral.subtitle')} />
      <Card title={t('referral.policy')} style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary">{t('referral.policyHint')}</Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={save} disabled={!writable}>
          <Row gutter={16}>
            <Col xs={24} md={6}><Form.Item name="enabled" label={t('referral.enabled')} valuePropName="checked"><Switch /></Form.Item></Col>
            <Col xs={24} md={6}><Form.Item name="refundWindowDays" label={t('referral.refundWindowDays')} rules={[{ required: true }]}><InputNumber min={0} max={90} addonAfter={t('referral.days')} style={{ width: '100%' }} /></Form.Item></Col>
            <Col xs={24} md={6}><Form.Item name="minFirstOrderYuan" label={t('referral.minFirstOrder')} rules={[{ required: true }]}><InputNumber min={0} max={1_000_000} precision={2} addonBefore="¥" style={{ width: '100%' }} /></Form.Item></Col>
            <Col xs={24} md={6}><Form.Item name="monthlyLimit" label={t('referral.monthlyLimit')} tooltip={t('referral.monthlyLimitHint')} rules={[{ required: true }]}><InputNumber min={0} max={10_000} style={{ width: '100%' }} /></Form.Item></Col>
            <Col xs={24} md={6}><Form.Item name="inviterPoints" label={t('referral.inviterPoints')} rules={[{ required: true }]}><InputNumber min={0} max={1_000_000} style={{ width: '100%' }} /></Form.Item></Col>
            <Col xs={24} md={6}><Form.Item name="inviterCoupon" label={t('referral.inviterCoupon')}><Select allowClear placeholder={t('referral.noCoupon')} options={couponOptions} /></Form.Item></Col>
            <Col xs={24} md={6}><Form.Item name="inviteePoints" label={t('referral.inviteePoints')} rules={[{ required: true }]}><InputNumber min={0} max={1_000_000} style={{ width: '100%' }} /></Form.Item></Col>
            <Col xs={24} md={6}><Form.Item name="inviteeCoupon" label={t('referral.inviteeCoupon')}><Select allowClear placeholder={t('referral.noCoupon')} options={couponOptions} /></Form.Item></Col>
          </Row>
          {writable ? <Button type="primary" htmlType="submit">{t('common.save')}</Button> : null}
        </Form>
      </Card>
      <Card
        title={t('referral.list')}
        extra={
          <Select<State | undefined>
            aria-label={t('referral.state')}
            allowClear
            placeholder={t('referral.allStates')}
            style={{ width: 160 }}
            value={state}
            onChange={(v) => setState(v)}
            options={STATES.map((s) => ({ value: s, label: t(`referral.states.${s}`) }))}
          />
        }
      >
        {first.error ? <ErrorState error={first.error} onRetry={first.reload} /> : null}
        <DataTable<ReferralView>
          label={t('referral.list')}
          rowKey="id"
          size="middle"
          loading={first.loading}
          dataSource={rows}
          pagination={false}
          columns={[
            { title: t('referral.inviter'), key: 'inviter', render: (_, r) => <Link to={`/customers/${r.inviter.id}`}>{r.inviter.label}</Link> },
            { title: t('referral.invitee'), key: 'invitee', render: (_, r) => <Link to={`/customers/${r.invitee.id}`}>{r.invitee.label}</Link> },
            { title: t('referral.code'), dataIndex: 'code' },
            { title: t('referral.boundAt'), key: 'bound', render: (_, r) => <DateTime at={r.boundAt} /> },
            { title: t('referral.firstOrder'), key: 'order', render: (_, r) => (r.firstOrderId ? <Space direction="vertical" size={0}><Money fen={r.firstPaidTotal} /><DateTime at={r.firstPaidAt} /></Space> : '—') },
            {
              title: t('referral.state'), key: 'state',
              render: (_, r) => (
                <Space direction="vertical" size={0}>
                  <Tag color={STATE_COLOURS[r.state]}>{t(`referral.states.${r.state}`)}</Tag>
                  {r.reason ? <Typography.Text type="secondary">{t(`referral.reasons.${r.reason}`)}</Typography.Text> : null}
                </Space>
              ),
            },
            {
              title: t('referral.rewards'), key: 'rewards', width: 200,
              render: (_, r) =>
                r.state === 'rewarded' ? (
                  <Space direction="vertical" size={0}>
                    <span>{t('referral.toInviter', { reward: r.inviterCapped ? t('referral.capped') : reward(r.inviterPoints, r.inviterCouponId) })}</span>
                    <span>{t('referral.toInvitee', { reward: reward(r.inviteePoints, r.inviteeCouponId) })}</span>
                  </Space>
                ) : '—',
            },
          ]}
        />
        {cursor ? <Button style={{ marginTop: 12 }} onClick={() => void more()}>{t('referral.more')}</Button> : null}
      </Card>
    </>
  );
}
