import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Drawer, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../app/api';
import { useLoad } from '../../app/hooks';
import { newIdempotencyKey } from '../../app/idempotency-key';
import { useSession } from '../../app/session';
import { currentLanguage, pick } from '../../i18n';
import { DataTable } from '../../components/DataTable';
import { DateTime, Money, money } from '../../components/format';
import { ErrorState, errorText } from '../../components/ErrorState';
import { useFeedback } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import type { ProductDetail } from '../../types';
import { ProductPicker } from './ProductPicker';
import { fen } from './money-fields';

type Localized = { 'zh-CN': string; en: string };
type TeamState = 'open' | 'filled' | 'failed';
interface GroupBuy {
  id: string; name: Localized; productId: string; variants: Array<{ variantId: string; groupPrice: number }>;
  teamSize: number; timeLimitMinutes: number; perCustomerLimit: number; leaderDiscount: number;
  simulatedFill: { enabled: boolean; maxSeatsLeft: number }; status: 'active' | 'paused'; createdAt: string; updatedAt: string;
}
interface Team {
  id: string; state: TeamState; size: number; paid: number; held: number; houseSeats: number; seatsLeft: number; msLeft: number; deadline: string;
  members: Array<{ name: string; role: 'leader' | 'member'; paid: boolean }>;
}
interface Report { teams: Record<TeamState, number>; successRate: number | null; gmv: number; refundedOrders: number }

const STATUS_COLORS: Record<string, string> = { active: 'green', paused: 'orange' };
const STATE_COLORS: Record<TeamState, string> = { open: 'blue', filled: 'green', failed: 'red' };
const STATES: TeamState[] = ['open', 'filled', 'failed'];

interface VariantValues { variantId?: string; groupPrice?: number | null }
export interface GroupBuyValues {
  nameZh: string; nameEn: string; product: string[]; variants: VariantValues[];
  teamSize: number; timeLimitHours: number; perCustomerLimit: number; leaderDiscount?: number | null;
  simulatedEnabled: boolean; simulatedMaxSeatsLeft?: number | null;
}

/** The API body for the form: prices in fen, the time limit in minutes. */
export function groupBuyBody(v: GroupBuyValues) {
  return {
    name: { 'zh-CN': v.nameZh.trim(), en: v.nameEn.trim() },
    productId: v.product[0],
    variants: v.variants.map((x) => ({ variantId: x.variantId!, groupPrice: fen(x.groupPrice)! })),
    teamSize: v.teamSize,
    timeLimitMinutes: Math.round(v.timeLimitHours * 60),
    perCustomerLimit: v.perCustomerLimit,
    leaderDiscount: fen(v.leaderDiscount) ?? 0,
    simulatedFill: { enabled: v.simulatedEnabled, maxSeatsLeft: v.simulatedMaxSeatsLeft ?? 1 },
  };
}

/** A 422's field path (`variants[0].groupPrice`, `simulatedFill.maxSeatsLeft`) as the form's field name; null when the form has no such field. */
export function formFieldOf(path: string): Array<string | number> | null {
  const m = /^variants\[(\d+)\]\.(variantId|groupPrice)$/.exec(path);
  if (m) return ['variants', Number(m[1]), m[2]];
  const map: Record<string, string> = {
    productId: 'product', variants: 'product', teamSize: 'teamSize', timeLimitMinutes: 'timeLimitHours', perCustomerLimit: 'perCustomerLimit',
    leaderDiscount: 'leaderDiscount', 'simulatedFill.enabled': 'simulatedEnabled', 'simulatedFill.maxSeatsLeft': 'simulatedMaxSeatsLeft',
    'name.zh-CN': 'nameZh', 'name.en': 'nameEn',
  };
  return map[path] ? [map[path]] : null;
}

/** Products' details by id, fetched once each (for titles, SKU codes and prices). */
function useProducts(ids: string[]) {
  const key = [...new Set(ids)].sort().join(',');
  return useLoad(
    () => Promise.all(key ? key.split(',').map((id) => api.get<ProductDetail>(`/products/${id}`)) : []).then((ps) => Object.fromEntries(ps.map((p) => [p.id, p]))),
    [key],
  );
}

/** The product's SKUs with a group price each. */
function VariantRows() {
  const { t } = useTranslation();
  const form = Form.useFormInstance<GroupBuyValues>();
  const product = Form.useWatch('product', form) as string[] | undefined;
  const chosenIds = (Form.useWatch('variants', form) as VariantValues[] | undefined)?.map((v) => v?.variantId) ?? [];
  const productId = product?.[0];
  const detail = useProducts(productId ? [productId] : []);
  const variants = productId ? (detail.data?.[productId]?.variants ?? []) : [];
  return (
    <Form.List name="variants">
      {(fields, { add, remove }) => (
        <>
          {fields.map((f) => {
            const chosen = variants.find((v) => v.id === chosenIds[f.name]);
            return (
              <Space key={f.key} align="start" wrap>
                <Form.Item name={[f.name, 'variantId']} label={t('groupBuys.sku')} rules={[{ required: true, message: t('form.required') }]}>
                  <Select
                    style={{ width: 300 }}
                    disabled={!productId}
                    loading={detail.loading && Boolean(productId)}
                    options={variants.map((v) => ({ value: v.id, label: `${v.sku}${Object.values(v.optionValues).length ? ` · ${Object.values(v.optionValues).join(' / ')}` : ''} · ${money(v.price)}` }))}
                  />
                </Form.Item>
                <Form.Item
                  name={[f.name, 'groupPrice']}
                  label={t('groupBuys.groupPrice')}
                  rules={[{ required: true, message: t('form.required') }]}
                  extra={chosen ? t('groupBuys.skuPrice', { price: money(chosen.price) }) : undefined}
                >
                  <InputNumber min={0.01} max={1_000_000} precision={2} prefix="¥" style={{ width: 150 }} />
                </Form.Item>
                {fields.length > 1 ? <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('groupBuys.remove')} onClick={() => remove(f.name)} style={{ marginTop: 30 }} /> : null}
              </Space>
            );
          })}
          {fields.length < Math.max(1, variants.length) ? <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({})} style={{ marginBottom: 16 }}>{t('groupBuys.addVariant')}</Button> : null}
        </>
      )}
    </Form.List>
  );
}

/** Teams open / filled / failed for one row, from its report. */
function TeamCounts({ id }: { id: string }) {
  const report = useLoad(() => api.get<Report>(`/group-buys/${id}/report`), [id]);
  if (!report.data) return <>{report.error ? '—' : '…'}</>;
  const { open, filled, failed } = report.data.teams;
  return <span style={{ whiteSpace: 'nowrap' }}><Tag color="blue">{open}</Tag><Tag color="green">{filled}</Tag><Tag color="red">{failed}</Tag></span>;
}

/** An activity's teams, filtered by state. */
function TeamsDrawer({ activity, onClose }: { activity: GroupBuy | null; onClose: () => void }) {
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
function ReportDrawer({ activity, onClose }: { activity: GroupBuy | null; onClose: () => void }) {
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

/** Group buys (拼团): list, create (marketing.manage), pause / resume, each activity's teams and report. */
export default function GroupBuysScreen() {
  const { t } = useTranslation();
  const { can } = useSession();
  const feedback = useFeedback();
  const writable = can('marketing.manage');
  const list = useLoad(() => api.get<{ items: GroupBuy[] }>('/group-buys').then((r) => r.items), []);
  const products = useProducts(list.data?.map((a) => a.productId) ?? []);
  const [creating, setCreating] = useState(false);
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [teamsOf, setTeamsOf] = useState<GroupBuy | null>(null);
  const [reportOf, setReportOf] = useState<GroupBuy | null>(null);
  const [form] = Form.useForm<GroupBuyValues>();
  const simulated = Form.useWatch('simulatedEnabled', form);
  // One key per dialog: a double click or a retry after a lost answer creates one activity.
  const [key, setKey] = useState('');

  const open = () => {
    setKey(newIdempotencyKey());
    setFormError(null);
    form.resetFields();
    form.setFieldsValue({ variants: [{}], teamSize: 3, timeLimitHours: 24, perCustomerLimit: 1, leaderDiscount: 0, simulatedEnabled: false, simulatedMaxSeatsLeft: 1 });
    setCreating(true);
  };
  const submit = async (v: GroupBuyValues) => {
    setFormError(null);
    if (new Set(v.variants.map((i) => i.variantId)).size !== v.variants.length) return setFormError(t('groupBuys.duplicateSku'));
    setSaving(true);
    try {
      await api.post('/group-buys', groupBuyBody(v), { 'idempotency-key': key });
      feedback.ok(t('common.savedOk'));
      setCreating(false);
      list.reload();
    } catch (err) {
      // A 422 names each field that is wrong: show it on the field; the rest above the form.
      const fieldErrors = err instanceof ApiError && Array.isArray(err.problem.errors)
        ? (err.problem.errors as unknown as Array<{ path: string; message: string | Localized }>)
        : [];
      const lang = currentLanguage() === 'en' ? 'en' : 'zh-CN';
      const onFields = fieldErrors
        .map((e) => ({ name: formFieldOf(e.path), text: typeof e.message === 'string' ? e.message : e.message[lang] }))
        .filter((e): e is { name: Array<string | number>; text: string } => e.name !== null);
      if (onFields.length) {
        const byName = new Map<string, { name: Array<string | number>; errors: string[] }>();
        for (const e of onFields) {
          const k = e.name.join('.');
          byName.set(k, { name: e.name, errors: [...(byName.get(k)?.errors ?? []), e.text] });
        }
        form.setFields([...byName.values()] as Parameters<typeof form.setFields>[0]);
      }
      if (onFields.length < fieldErrors.length || !onFields.length) setFormError(errorText(err, t));
      else setFormError(t('groupBuys.fixFields'));
    } finally {
      setSaving(false);
    }
  };
  const setStatus = async (a: GroupBuy, status: 'active' | 'paused') => {
    try {
      await api.post(`/group-buys/${a.id}/status`, { status });
      feedback.ok(t(status === 'paused' ? 'groupBuys.pausedOk' : 'groupBuys.resumedOk'));
      list.reload();
    } catch (err) {
      feedback.fail(err);
    }
  };

  const priceRange = (a: GroupBuy) => {
    const prices = a.variants.map((v) => v.groupPrice);
    const lo = Math.min(...prices);
    const hi = Math.max(...prices);
    return lo === hi ? money(lo) : `${money(lo)} – ${money(hi)}`;
  };

  return (
    <>
      <PageHeader title={t('groupBuys.title')} sub={t('groupBuys.subtitle')} extra={writable ? <Button type="primary" icon={<PlusOutlined />} onClick={open}>{t('groupBuys.create')}</Button> : null} />
      <Card>
        {list.error ? <ErrorState error={list.error} onRetry={list.reload} /> : null}
        <DataTable<GroupBuy>
          label={t('groupBuys.title')}
          rowKey="id"
          size="middle"
          loading={list.loading}
          dataSource={list.data}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          columns={[
            { title: t('groupBuys.name'), key: 'name', render: (_, a) => pick(a.name) },
            { title: t('groupBuys.product'), key: 'p', render: (_, a) => { const p = products.data?.[a.productId]; return p ? pick(p.title) : '…'; } },
            { title: t('groupBuys.teamSize'), dataIndex: 'teamSize', align: 'right' },
            { title: t('groupBuys.groupPrice'), key: 'price', align: 'right', render: (_, a) => <span style={{ whiteSpace: 'nowrap' }}>{priceRange(a)}</span> },
            { title: t('groupBuys.status'), key: 'st', render: (_, a) => <Tag color={STATUS_COLORS[a.status]}>{t(`groupBuys.statuses.${a.status}`)}</Tag> },
            { title: t('groupBuys.teamCounts'), key: 'teams', render: (_, a) => <TeamCounts id={a.id} /> },
            {
              key: 'a', align: 'right', render: (_, a) => (
                <Space size={0}>
                  {writable && a.status === 'active' ? (
                    <Popconfirm title={t('groupBuys.pauseConfirm')} onConfirm={() => setStatus(a, 'paused')} okText={t('groupBuys.pause')}>
                      <Button size="small" type="link">{t('groupBuys.pause')}</Button>
                    </Popconfirm>
                  ) : null}
                  {writable && a.status === 'paused' ? (
                    <Popconfirm title={t('groupBuys.resumeConfirm')} onConfirm={() => setStatus(a, 'active')} okText={t('groupBuys.resume')}>
                      <Button size="small" type="link">{t('groupBuys.resume')}</Button>
                    </Popconfirm>
                  ) : null}
                  <Button size="small" type="link" onClick={() => setTeamsOf(a)}>{t('groupBuys.teams')}</Button>
                  <Button size="small" type="link" onClick={() => setReportOf(a)}>{t('groupBuys.report')}</Button>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Modal open={creating} title={t('groupBuys.create')} onCancel={() => setCreating(false)} onOk={() => form.submit()} okText={t('common.save')} confirmLoading={saving} destroyOnHidden width={720}>
        <Form form={form} layout="vertical" onFinish={submit}>
          {formError ? <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} /> : null}
          <Space.Compact block>
            <Form.Item name="nameZh" label={t('groupBuys.nameZh')} rules={[{ required: true, message: t('form.required') }, { max: 60 }]} style={{ flex: 1 }}><Input /></Form.Item>
            <Form.Item name="nameEn" label={t('groupBuys.nameEn')} rules={[{ required: true, message: t('form.required') }, { max: 60 }]} style={{ flex: 1 }}><Input /></Form.Item>
          </Space.Compact>
          <Form.Item name="product" label={t('groupBuys.product')} rules={[{ required: true, message: t('form.required') }]}>
            <ProductPicker max={1} onChange={() => form.setFieldValue('variants', [{}])} />
          </Form.Item>
          <VariantRows />
          <Space wrap size="middle" align="start">
            <Form.Item name="teamSize" label={t('groupBuys.teamSize')} rules={[{ required: true, message: t('form.required') }]}>
              <InputNumber min={2} max={50} precision={0} style={{ width: 130 }} />
            </Form.Item>
            <Form.Item name="timeLimitHours" label={t('groupBuys.timeLimitHours')} rules={[{ required: true, message: t('form.required') }]} extra={t('groupBuys.timeLimitHelp')}>
              <InputNumber min={1} max={72} precision={1} style={{ width: 130 }} />
            </Form.Item>
            <Form.Item name="perCustomerLimit" label={t('groupBuys.perCustomerLimit')} rules={[{ required: true, message: t('form.required') }]}>
              <InputNumber min={1} max={99} precision={0} style={{ width: 130 }} />
            </Form.Item>
            <Form.Item name="leaderDiscount" label={t('groupBuys.leaderDiscount')} extra={t('groupBuys.leaderDiscountHelp')}>
              <InputNumber min={0} max={1_000_000} precision={2} prefix="¥" style={{ width: 150 }} />
            </Form.Item>
          </Space>
          <Space wrap size="middle" align="start">
            <Form.Item name="simulatedEnabled" label={t('groupBuys.simulatedFill')} valuePropName="checked" extra={t('groupBuys.simulatedFillHelp')}>
              <Switch />
            </Form.Item>
            {simulated ? (
              <Form.Item name="simulatedMaxSeatsLeft" label={t('groupBuys.maxSeatsLeft')} rules={[{ required: true, message: t('form.required') }]}>
                <InputNumber min={1} max={49} precision={0} style={{ width: 130 }} />
              </Form.Item>
            ) : null}
          </Space>
        </Form>
      </Modal>
      <TeamsDrawer activity={teamsOf} onClose={() => setTeamsOf(null)} />
      <ReportDrawer activity={reportOf} onClose={() => setReportOf(null)} />
    </>
  );
}
