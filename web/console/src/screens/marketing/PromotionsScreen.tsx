import { useState } from 'react';
import { Button, Card, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Switch, Tag, TreeSelect } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { useAction, useLoad } from '../../app/hooks';
import { useSession } from '../../app/session';
import { pick } from '../../i18n';
import { DataTable } from '../../components/DataTable';
import { DateTime } from '../../components/format';
import { ErrorState } from '../../components/ErrorState';
import { PageHeader } from '../../components/PageHeader';
import type { MemberProgram, Promotion } from '../../types';
import { categoryTreeData, useCatalogLookups } from '../products/lookups';
import { pauseOrResume } from './pause-resume';
import { fen, yuan } from './money-fields';

const KINDS = ['amountOff', 'percentOff', 'unitDiscount', 'memberPrice', 'buyXGetY', 'freeShipping'] as const;
type Kind = (typeof KINDS)[number];
const RUN_COLORS: Record<string, string> = { running: 'green', scheduled: 'blue', ended: 'default', paused: 'orange' };

interface Values {
  nameZh: string;
  nameEn: string;
  kind: Kind;
  threshold?: number | null;
  amount?: number | null;
  every?: boolean;
  cap?: number | null;
  percentOff?: number | null;
  minQuantity?: number | null;
  /** 会员价: percent off per tier code (empty: that tier pays the usual price). */
  memberPercents?: Record<string, number | null>;
  buy?: number | null;
  get?: number | null;
  window?: [Dayjs | null, Dayjs | null] | null;
  categoryIds?: string[];
  brandIds?: string[];
  tiers?: string[];
  newCustomersOnly?: boolean;
  exclusive?: boolean;
  withCoupons?: boolean;
  withPoints?: boolean;
}

/** The form's values for a stored promotion (the kinds this screen edits; others are shown, not edited). */
function valuesOf(p: Promotion): Values {
  const a = p.action as Record<string, number | boolean | undefined>;
  const scope = (p.scope ?? {}) as { categoryIds?: string[]; brandIds?: string[] };
  const cond = (p.conditions ?? {}) as { tiers?: string[]; newCustomersOnly?: boolean; minQuantity?: number };
  const stack = p.stacking as { exclusive?: boolean; withCoupons?: boolean; withPoints?: boolean };
  return {
    nameZh: p.name['zh-CN'],
    nameEn: p.name.en,
    kind: p.kind as Kind,
    threshold: yuan(a.threshold as number | undefined),
    amount: yuan((a.amount ?? a.amountOff) as number | undefined),
    every: Boolean(a.every),
    cap: yuan(a.cap as number | undefined),
    percentOff: (a.percentOff as number | undefined) ?? null,
    minQuantity: (a.minQuantity as number | undefined) ?? null,
    memberPercents: Object.fromEntries(((p.action as { tiers?: Array<{ tier: string; percentOff?: number }> }).tiers ?? []).map((x) => [x.tier, x.percentOff ?? null])),
    buy: (a.buy as number | undefined) ?? null,
    get: (a.get as number | undefined) ?? null,
    window: [p.startsAt ? dayjs(p.startsAt) : null, p.endsAt ? dayjs(p.endsAt) : null],
    categoryIds: scope.categoryIds ?? [],
    brandIds: scope.brandIds ?? [],
    tiers: cond.tiers ?? [],
    newCustomersOnly: Boolean(cond.newCustomersOnly),
    exclusive: Boolean(stack.exclusive),
    withCoupons: stack.withCoupons !== false,
    withPoints: stack.withPoints !== false,
  };
}

/** The API body for the form: money in fen, empty parts left out (or cleared with null on edit). */
function bodyOf(v: Values) {
  const opt = <T,>(x: T | null | undefined) => (x === null || x === undefined ? undefined : x);
  const action =
    v.kind === 'amountOff'
      ? { kind: v.kind, amount: fen(v.amount)!, threshold: opt(fen(v.threshold)), ...(v.every ? { every: true, cap: opt(fen(v.cap)) } : {}) }
      : v.kind === 'percentOff'
        ? { kind: v.kind, percentOff: v.percentOff!, threshold: opt(fen(v.threshold)), minQuantity: opt(v.minQuantity), cap: opt(fen(v.cap)) }
        : v.kind === 'unitDiscount'
          ? v.percentOff
            ? { kind: v.kind, percentOff: v.percentOff }
            : { kind: v.kind, amountOff: fen(v.amount)! }
          : v.kind === 'memberPrice'
            ? { kind: v.kind, tiers: Object.entries(v.memberPercents ?? {}).filter(([, pct]) => pct).map(([tier, pct]) => ({ tier, percentOff: pct! })) }
            : v.kind === 'buyXGetY'
              ? { kind: v.kind, buy: v.buy!, get: v.get! }
              : { kind: v.kind, threshold: opt(fen(v.threshold)) };
  const scope = v.categoryIds?.length || v.brandIds?.length ? { ...(v.categoryIds?.length ? { categoryIds: v.categoryIds } : {}), ...(v.brandIds?.length ? { brandIds: v.brandIds } : {}) } : null;
  const conditions = v.tiers?.length || v.newCustomersOnly ? { ...(v.tiers?.length ? { tiers: v.tiers } : {}), ...(v.newCustomersOnly ? { newCustomersOnly: true } : {}) } : null;
  return {
    name: { 'zh-CN': v.nameZh.trim(), en: v.nameEn.trim() },
    action,
    scope,
    conditions,
    stacking: { exclusive: Boolean(v.exclusive), withCoupons: v.withCoupons !== false, withPoints: v.withPoints !== false },
    startsAt: v.window?.[0]?.toISOString() ?? null,
    endsAt: v.window?.[1]?.toISOString() ?? null,
  };
}

/** Promotions (满减, 满折, 直降, 满额包邮): list, create, edit, pause and resume (marketing.manage), audited by the API. */
export default function PromotionsScreen() {
  const { t } = useTranslation();
  const { can } = useSession();
  const list = useLoad(() => api.get<{ items: Promotion[] }>('/promotions').then((r) => r.items), []);
  const program = useLoad(() => api.get<MemberProgram>('/membership/program'), []);
  const { categories, brands } = useCatalogLookups();
  const [editing, setEditing] = useState<{ promotion?: Promotion } | null>(null);
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const every = Form.useWatch('every', form);
  const writable = can('marketing.manage');

  const open = (promotion?: Promotion) => {
    setEditing({ promotion });
    form.resetFields();
    form.setFieldsValue(promotion ? valuesOf(promotion) : { kind: 'amountOff', withCoupons: true, withPoints: true, window: [dayjs(), null] });
  };
  const act = useAction(list.reload);
  const submit = async (v: Values) => {
    const id = editing?.promotion?.id;
    if (await act(() => (id ? api.patch(`/promotions/${id}`, bodyOf(v)) : api.post('/promotions', bodyOf(v))), t('common.savedOk'))) setEditing(null);
  };
  const toggle = (p: Promotion) => act(() => pauseOrResume(`/promotions/${p.id}`, p.status));
  // Member prices listed per SKU and gifts of another SKU are made through the API: shown, not edited here.
  const editable = (p: Promotion) => {
    const a = p.action as { tiers?: Array<{ prices?: unknown[] }>; giftVariantId?: string };
    return (KINDS as readonly string[]).includes(p.kind) && !a.giftVariantId && !(a.tiers ?? []).some((x) => x.prices?.length);
  };

  return (
    <>
      <PageHeader title={t('promotions.title')} sub={t('promotions.subtitle')} extra={writable ? <Button type="primary" icon={<PlusOutlined />} onClick={() => open()}>{t('promotions.create')}</Button> : null} />
      <Card>
        {list.error ? <ErrorState error={list.error} onRetry={list.reload} /> : null}
        <DataTable<Promotion>
          label={t('promotions.title')}
          rowKey="id"
          size="middle"
          loading={list.loading}
          dataSource={list.data}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          columns={[
            { title: t('promotions.name'), key: 'name', render: (_, p) => pick(p.name) },
            { title: t('promotions.rule'), key: 'rule', render: (_, p) => pick(p.description) },
            { title: t('promotions.startsAt'), key: 's', render: (_, p) => <DateTime at={p.startsAt} /> },
            { title: t('promotions.endsAt'), key: 'e', render: (_, p) => (p.endsAt ? <DateTime at={p.endsAt} /> : t('promotions.openEnded')) },
            { title: t('promotions.state'), key: 'st', render: (_, p) => <Tag color={RUN_COLORS[p.runState]}>{t(`promotions.runState.${p.runState}`)}</Tag> },
            {
              key: 'a', align: 'right', render: (_, p) =>
                writable ? (
                  <Space size={0}>
                    {editable(p) ? <Button size="small" type="link" icon={<EditOutlined />} onClick={() => open(p)}>{t('common.edit')}</Button> : null}
                    <Button size="small" type="link" onClick={() => void toggle(p)}>{p.status === 'paused' ? t('promotions.resume') : t('promotions.pause')}</Button>
                  </Space>
                ) : null,
            },
          ]}
        />
      </Card>
      <Modal open={editing !== null} title={editing?.promotion ? t('promotions.edit') : t('promotions.create')} onCancel={() => setEditing(null)} onOk={() => form.submit()} okText={t('common.save')} destroyOnHidden width={640}>
        <Form form={form} layout="vertical" onFinish={submit}>
          <Space.Compact block>
            <Form.Item name="nameZh" label={t('promotions.nameZh')} rules={[{ required: true, message: t('form.required') }, { max: 60 }]} style={{ flex: 1 }}><Input /></Form.Item>
            <Form.Item name="nameEn" label={t('promotions.nameEn')} rules={[{ required: true, message: t('form.required') }, { max: 60 }]} style={{ flex: 1 }}><Input /></Form.Item>
          </Space.Compact>
          <Form.Item name="kind" label={t('promotions.kind')} rules={[{ required: true }]}>
            <Select options={KINDS.map((k) => ({ value: k, label: t(`promotions.kinds.${k}`) }))} />
          </Form.Item>
          {kind === 'amountOff' || kind === 'percentOff' || kind === 'freeShipping' ? (
            <Form.Item name="threshold" label={t('promotions.threshold')}><InputNumber min={0} max={1_000_000} precision={2} addonBefore="¥" style={{ width: '100%' }} /></Form.Item>
          ) : null}
          {kind === 'amountOff' ? (
            <>
              <Form.Item name="amount" label={t('promotions.amount')} rules={[{ required: true, message: t('form.required') }]}><InputNumber min={0.01} max={1_000_000} precision={2} addonBefore="¥" style={{ width: '100%' }} /></Form.Item>
              <Form.Item name="every" label={t('promotions.every')} valuePropName="checked"><Switch /></Form.Item>
              {every ? <Form.Item name="cap" label={t('promotions.cap')}><InputNumber min={0} max={1_000_000} precision={2} addonBefore="¥" style={{ width: '100%' }} /></Form.Item> : null}
            </>
          ) : null}
          {kind === 'percentOff' || kind === 'unitDiscount' ? (
            <Form.Item name="percentOff" label={t('promotions.percentOff')} rules={kind === 'percentOff' ? [{ required: true, message: t('form.required') }] : []}><InputNumber min={1} max={99} addonAfter="%" style={{ width: '100%' }} /></Form.Item>
          ) : null}
          {kind === 'percentOff' ? (
            <>
              <Form.Item name="minQuantity" label={t('promotions.minQuantity')}><InputNumber min={1} max={999} style={{ width: '100%' }} /></Form.Item>
              <Form.Item name="cap" label={t('promotions.cap')}><InputNumber min={0} max={1_000_000} precision={2} addonBefore="¥" style={{ width: '100%' }} /></Form.Item>
            </>
          ) : null}
          {kind === 'memberPrice' ? (
            <Form.Item label={t('promotions.memberPercents')} required>
              <Space wrap>
                {(program.data?.tiers ?? []).map((x) => (
                  <Form.Item key={x.code} name={['memberPercents', x.code]} noStyle>
                    <InputNumber min={1} max={99} addonBefore={pick(x.name)} addonAfter="%" aria-label={`${pick(x.name)} %`} style={{ width: 200 }} />
                  </Form.Item>
                ))}
              </Space>
            </Form.Item>
          ) : null}
          {kind === 'buyXGetY' ? (
            <Space wrap size="large">
              <Form.Item name="buy" label={t('promotions.buy')} rules={[{ required: true, message: t('form.required') }]}><InputNumber min={1} max={99} /></Form.Item>
              <Form.Item name="get" label={t('promotions.get')} rules={[{ required: true, message: t('form.required') }]}><InputNumber min={1} max={99} /></Form.Item>
            </Space>
          ) : null}
          {kind === 'unitDiscount' ? (
            <Form.Item name="amount" label={t('promotions.unitAmount')}><InputNumber min={0.01} max={1_000_000} precision={2} addonBefore="¥" style={{ width: '100%' }} /></Form.Item>
          ) : null}
          <Form.Item name="window" label={t('promotions.window')}>
            <DatePicker.RangePicker showTime allowEmpty={[true, true]} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="categoryIds" label={t('promotions.categories')}>
            <TreeSelect multiple allowClear treeData={categoryTreeData(categories.data)} placeholder={t('promotions.allProducts')} />
          </Form.Item>
          <Form.Item name="brandIds" label={t('promotions.brands')}>
            <Select mode="multiple" allowClear options={(brands.data ?? []).map((b) => ({ value: b.id, label: pick(b.name) }))} placeholder={t('promotions.allProducts')} />
          </Form.Item>
          <Form.Item name="tiers" label={t('promotions.tiers')}>
            <Select mode="multiple" allowClear options={(program.data?.tiers ?? []).map((x) => ({ value: x.code, label: pick(x.name) }))} placeholder={t('promotions.everyone')} />
          </Form.Item>
          <Space wrap size="large">
            <Form.Item name="newCustomersOnly" label={t('promotions.newCustomersOnly')} valuePropName="checked"><Switch /></Form.Item>
            <Form.Item name="exclusive" label={t('promotions.exclusive')} valuePropName="checked"><Switch /></Form.Item>
            <Form.Item name="withCoupons" label={t('promotions.withCoupons')} valuePropName="checked"><Switch /></Form.Item>
            <Form.Item name="withPoints" label={t('promotions.withPoints')} valuePropName="checked"><Switch /></Form.Item>
          </Space>
        </Form>
      </Modal>
    </>
  );
}
