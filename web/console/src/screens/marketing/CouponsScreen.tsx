import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Dropdown, Form, Input, InputNumber, Modal, Radio, Select, Space, Switch, Tag } from 'antd';
import { MoreOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { useLoad } from '../../app/hooks';
import { useSession } from '../../app/session';
import { pick } from '../../i18n';
import { DataTable } from '../../components/DataTable';
import { DateTime } from '../../components/format';
import { ErrorState } from '../../components/ErrorState';
import { useFeedback } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import type { CouponTemplate } from '../../types';
import { pauseOrResume } from './pause-resume';
import { fen, yuan } from './money-fields';
import { CouponIssueDialog } from './CouponIssueDialog';
import { RedeemCodesDialog } from './RedeemCodesDialog';
import { CouponGrantsCard } from './CouponGrantsCard';

const KINDS = ['amountOff', 'percentOff', 'freeShipping'] as const;

interface Values {
  nameZh: string;
  nameEn: string;
  kind: (typeof KINDS)[number];
  amount?: number | null;
  percentOff?: number | null;
  threshold?: number | null;
  cap?: number | null;
  totalQuantity?: number | null;
  perCustomerLimit: number;
  validity: 'days' | 'window';
  validDays?: number | null;
  validWindow?: [Dayjs, Dayjs] | null;
  claimWindow?: [Dayjs | null, Dayjs | null] | null;
  withPromotions: boolean;
  withPoints: boolean;
  refundRule: 'return' | 'forfeit';
  publicCode?: string | null;
  listed: boolean;
}

const codeOf = (v: string | null | undefined) => (v?.trim() ? v.trim().toUpperCase() : null);

function bodyOf(v: Values) {
  const action =
    v.kind === 'amountOff'
      ? { kind: v.kind, amount: fen(v.amount)!, threshold: fen(v.threshold) }
      : v.kind === 'percentOff'
        ? { kind: v.kind, percentOff: v.percentOff!, threshold: fen(v.threshold), cap: fen(v.cap) }
        : { kind: v.kind, threshold: fen(v.threshold) };
  return {
    name: { 'zh-CN': v.nameZh.trim(), en: v.nameEn.trim() },
    action,
    totalQuantity: v.totalQuantity ?? null,
    perCustomerLimit: v.perCustomerLimit,
    ...(v.validity === 'days'
      ? { validDays: v.validDays }
      : { validFrom: v.validWindow?.[0]?.toISOString(), validUntil: v.validWindow?.[1]?.toISOString() }),
    claimFrom: v.claimWindow?.[0]?.toISOString() ?? null,
    claimUntil: v.claimWindow?.[1]?.toISOString() ?? null,
    withPromotions: v.withPromotions,
    withPoints: v.withPoints,
    refundRule: v.refundRule,
    publicCode: codeOf(v.publicCode),
    listed: v.listed,
  };
}

/** What may change once coupons are out (the value and validity stay as they were given). */
function patchOf(v: Values) {
  return {
    name: { 'zh-CN': v.nameZh.trim(), en: v.nameEn.trim() },
    totalQuantity: v.totalQuantity ?? null,
    perCustomerLimit: v.perCustomerLimit,
    claimFrom: v.claimWindow?.[0]?.toISOString() ?? null,
    claimUntil: v.claimWindow?.[1]?.toISOString() ?? null,
    publicCode: codeOf(v.publicCode),
    listed: v.listed,
  };
}

/** The form's values for a template being edited. */
function valuesOf(c: CouponTemplate): Values {
  const a = c.action as { kind: Values['kind']; amount?: number; percentOff?: number; threshold?: number; cap?: number };
  return {
    nameZh: c.name['zh-CN'], nameEn: c.name.en, kind: a.kind, amount: yuan(a.amount), percentOff: a.percentOff ?? null, threshold: yuan(a.threshold), cap: yuan(a.cap),
    totalQuantity: c.totalQuantity, perCustomerLimit: c.perCustomerLimit,
    validity: c.validDays !== null ? 'days' : 'window', validDays: c.validDays,
    validWindow: c.validFrom && c.validUntil ? [dayjs(c.validFrom), dayjs(c.validUntil)] : null,
    claimWindow: c.claimFrom || c.claimUntil ? [c.claimFrom ? dayjs(c.claimFrom) : null, c.claimUntil ? dayjs(c.claimUntil) : null] : null,
    withPromotions: c.withPromotions, withPoints: c.withPoints, refundRule: c.refundRule, publicCode: c.publicCode, listed: c.listed,
  };
}

/** Coupon templates (优惠券): list with what was claimed, create, pause and resume claims (marketing.manage). */
export default function CouponsScreen() {
  const { t } = useTranslation();
  const { can } = useSession();
  const feedback = useFeedback();
  const list = useLoad(() => api.get<{ items: CouponTemplate[] }>('/coupon-templates').then((r) => r.items), []);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<CouponTemplate | null>(null);
  const [issuing, setIssuing] = useState<CouponTemplate | null>(null);
  const [codesOf, setCodesOf] = useState<CouponTemplate | null>(null);
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const validity = Form.useWatch('validity', form);
  const writable = can('marketing.manage');

  const open = () => {
    form.resetFields();
    form.setFieldsValue({ kind: 'amountOff', perCustomerLimit: 1, validity: 'days', validDays: 7, withPromotions: true, withPoints: true, refundRule: 'return', listed: true });
    setEditing(null);
    setCreating(true);
  };
  const edit = (c: CouponTemplate) => {
    form.resetFields();
    form.setFieldsValue(valuesOf(c));
    setEditing(c);
    setCreating(true);
  };
  const submit = async (v: Values) => {
    try {
      if (editing) await api.patch(`/coupon-templates/${editing.id}`, patchOf(v));
      else await api.post('/coupon-templates', bodyOf(v));
      feedback.ok(t('common.savedOk'));
      setCreating(false);
      setEditing(null);
      list.reload();
    } catch (err) {
      feedback.fail(err);
    }
  };
  const toggle = async (c: CouponTemplate) => {
    try {
      await pauseOrResume(`/coupon-templates/${c.id}`, c.status);
      list.reload();
    } catch (err) {
      feedback.fail(err);
    }
  };

  return (
    <>
      <PageHeader title={t('coupons.title')} sub={t('coupons.subtitle')} extra={writable ? <Button type="primary" icon={<PlusOutlined />} onClick={open}>{t('coupons.create')}</Button> : null} />
      <CouponGrantsCard templates={list.data ?? []} writable={writable} />
      <Card>
        {list.error ? <ErrorState error={list.error} onRetry={list.reload} /> : null}
        <DataTable<CouponTemplate>
          label={t('coupons.title')}
          rowKey="id"
          size="middle"
          loading={list.loading}
          dataSource={list.data}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          columns={[
            {
              title: t('coupons.name'), key: 'name',
              render: (_, c) => (
                <Space size={4} wrap>
                  {pick(c.name)}
                  {c.publicCode ? <Tag color="blue">{c.publicCode}</Tag> : null}
                  {c.listed ? null : <Tag>{t('coupons.unlisted')}</Tag>}
                </Space>
              ),
            },
            { title: t('coupons.rule'), key: 'rule', render: (_, c) => pick(c.description) },
            { title: t('coupons.claimed'), key: 'claimed', render: (_, c) => (c.totalQuantity === null ? `${c.claimed}` : `${c.claimed} / ${c.totalQuantity}`) },
            { title: t('coupons.perCustomer'), dataIndex: 'perCustomerLimit' },
            { title: t('coupons.validity'), key: 'v', render: (_, c) => (c.validDays !== null ? t('coupons.validDaysShort', { days: c.validDays }) : <DateTime at={c.validUntil} />) },
            { title: t('coupons.status'), key: 'st', render: (_, c) => <Tag color={c.status === 'active' ? 'green' : 'orange'}>{t(`coupons.statuses.${c.status}`)}</Tag> },
            {
              key: 'a', align: 'right',
              render: (_, c) => (
                <Space size={0}>
                  {writable ? <Button size="small" type="link" onClick={() => edit(c)}>{t('coupons.edit')}</Button> : null}
                  {writable ? <Button size="small" type="link" onClick={() => setIssuing(c)}>{t('coupons.issue')}</Button> : null}
                  <Dropdown
                    trigger={['click']}
                    menu={{
                      items: [
                        { key: 'codes', label: t('coupons.codes'), onClick: () => setCodesOf(c) },
                        ...(writable ? [{ key: 'toggle', label: c.status === 'paused' ? t('coupons.resume') : t('coupons.pause'), onClick: () => void toggle(c) }] : []),
                      ],
                    }}
                  >
                    <Button size="small" type="text" icon={<MoreOutlined />} aria-label={`${t('coupons.more')} ${pick(c.name)}`} />
                  </Dropdown>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <CouponIssueDialog template={issuing} onClose={(issued) => { setIssuing(null); if (issued) list.reload(); }} />
      <RedeemCodesDialog template={codesOf} writable={writable} onClose={() => { setCodesOf(null); list.reload(); }} />
      <Modal open={creating} title={editing ? t('coupons.editTitle') : t('coupons.create')} onCancel={() => setCreating(false)} onOk={() => form.submit()} okText={t('common.save')} destroyOnHidden width={640}>
        {editing ? <Alert type="info" showIcon message={t('coupons.editNote')} style={{ marginBottom: 16 }} /> : null}
        <Form form={form} layout="vertical" onFinish={submit}>
          <Space.Compact block>
            <Form.Item name="nameZh" label={t('coupons.nameZh')} rules={[{ required: true, message: t('form.required') }, { max: 60 }]} style={{ flex: 1 }}><Input /></Form.Item>
            <Form.Item name="nameEn" label={t('coupons.nameEn')} rules={[{ required: true, message: t('form.required') }, { max: 60 }]} style={{ flex: 1 }}><Input /></Form.Item>
          </Space.Compact>
          <fieldset disabled={editing !== null} className="plain-fieldset">
          <Form.Item name="kind" label={t('coupons.kind')}><Select disabled={editing !== null} options={KINDS.map((k) => ({ value: k, label: t(`coupons.kinds.${k}`) }))} /></Form.Item>
          {kind === 'amountOff' ? (
            <Form.Item name="amount" label={t('coupons.amount')} rules={[{ required: true, message: t('form.required') }]}><InputNumber min={0.01} max={1_000_000} precision={2} addonBefore="¥" style={{ width: '100%' }} /></Form.Item>
          ) : null}
          {kind === 'percentOff' ? (
            <>
              <Form.Item name="percentOff" label={t('coupons.percentOff')} rules={[{ required: true, message: t('form.required') }]}><InputNumber min={1} max={99} addonAfter="%" style={{ width: '100%' }} /></Form.Item>
              <Form.Item name="cap" label={t('coupons.cap')}><InputNumber min={0} max={1_000_000} precision={2} addonBefore="¥" style={{ width: '100%' }} /></Form.Item>
            </>
          ) : null}
          <Form.Item name="threshold" label={t('coupons.threshold')}><InputNumber min={0} max={1_000_000} precision={2} addonBefore="¥" style={{ width: '100%' }} /></Form.Item>
          </fieldset>
          <Space wrap size="large">
            <Form.Item name="totalQuantity" label={t('coupons.total')}><InputNumber min={1} max={10_000_000} placeholder={t('coupons.unlimited')} /></Form.Item>
            <Form.Item name="perCustomerLimit" label={t('coupons.perCustomer')} rules={[{ required: true }]}><InputNumber min={1} max={100} /></Form.Item>
          </Space>
          <fieldset disabled={editing !== null} className="plain-fieldset">
          <Form.Item name="validity" label={t('coupons.validity')}>
            <Radio.Group options={[{ value: 'days', label: t('coupons.validityDays') }, { value: 'window', label: t('coupons.validityWindow') }]} />
          </Form.Item>
          {validity === 'window' ? (
            <Form.Item name="validWindow" label={t('coupons.validWindow')} rules={[{ required: true, message: t('form.required') }]}><DatePicker.RangePicker showTime style={{ width: '100%' }} /></Form.Item>
          ) : (
            <Form.Item name="validDays" label={t('coupons.validDays')} rules={[{ required: true, message: t('form.required') }]}><InputNumber min={1} max={3650} style={{ width: '100%' }} /></Form.Item>
          )}
          </fieldset>
          <Form.Item name="claimWindow" label={t('coupons.claimWindow')}><DatePicker.RangePicker showTime allowEmpty={[true, true]} style={{ width: '100%' }} /></Form.Item>
          <Form.Item name="publicCode" label={t('coupons.publicCode')} extra={t('coupons.publicCodeHelp')} rules={[{ pattern: /^[A-Za-z0-9]{4,20}$/, message: t('coupons.publicCodeHelp') }]}>
            <Input maxLength={20} autoComplete="off" style={{ textTransform: 'uppercase' }} />
          </Form.Item>
          <Form.Item name="listed" label={t('coupons.listed')} extra={t('coupons.listedHelp')} valuePropName="checked"><Switch /></Form.Item>
          <fieldset disabled={editing !== null} className="plain-fieldset">
          <Space wrap size="large">
            <Form.Item name="withPromotions" label={t('coupons.withPromotions')} valuePropName="checked"><Switch /></Form.Item>
            <Form.Item name="withPoints" label={t('coupons.withPoints')} valuePropName="checked"><Switch /></Form.Item>
          </Space>
          <Form.Item name="refundRule" label={t('coupons.refundRule')}>
            <Radio.Group options={[{ value: 'return', label: t('coupons.refundReturn') }, { value: 'forfeit', label: t('coupons.refundForfeit') }]} />
          </Form.Item>
          </fieldset>
        </Form>
      </Modal>
    </>
  );
}
