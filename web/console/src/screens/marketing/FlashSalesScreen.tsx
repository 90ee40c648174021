import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Drawer, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { useAction, useLoad } from '../../app/hooks';
import { newIdempotencyKey } from '../../app/idempotency-key';
import { useSession } from '../../app/session';
import { pick } from '../../i18n';
import { DataTable } from '../../components/DataTable';
import { DateTime, Money, money } from '../../components/format';
import { ErrorState, errorText } from '../../components/ErrorState';
import { useFeedback } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { ProductPicker } from './ProductPicker';
import { useProducts } from './use-products';
import { fen } from './money-fields';

type Localized = { 'zh-CN': string; en: string };
interface FlashItem { id: string; variantId: string; productId: string; flashPrice: number; stock: number; perCustomerLimit: number; left: number | null }
interface FlashRound { id: string; name: Localized; startsAt: string; endsAt: string; status: 'draft' | 'published' | 'cancelled' | 'closed'; items: FlashItem[] }
interface ItemReport { itemId: string; variantId: string; stock: number; units: { decided: number; ordered: number; paid: number; released: number }; returned: number; left: number | null; accounted: boolean }

const STATUS_COLORS: Record<string, string> = { draft: 'default', published: 'green', cancelled: 'red', closed: 'blue' };

interface ItemValues { product?: string[]; variantId?: string; flashPrice?: number | null; stock?: number | null; perCustomerLimit?: number | null }
interface Values { nameZh: string; nameEn: string; startsAt: Dayjs; endsAt: Dayjs; items: ItemValues[] }

/** The API body for the form: the flash price in fen. */
export function flashRoundBody(v: Values) {
  return {
    name: { 'zh-CN': v.nameZh.trim(), en: v.nameEn.trim() },
    startsAt: v.startsAt.toISOString(),
    endsAt: v.endsAt.toISOString(),
    items: v.items.map((i) => ({ variantId: i.variantId!, flashPrice: fen(i.flashPrice)!, stock: i.stock!, perCustomerLimit: i.perCustomerLimit ?? 1 })),
  };
}

/** One item row: a product (the shared picker), then one of its SKUs with its price beside the flash price. */
function ItemRow({ name, remove }: { name: number; remove: () => void }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<Values>();
  const product = Form.useWatch(['items', name, 'product'], form) as string[] | undefined;
  const variantId = Form.useWatch(['items', name, 'variantId'], form) as string | undefined;
  const productId = product?.[0];
  const detail = useProducts(productId ? [productId] : []);
  const variants = productId ? (detail.data?.[productId]?.variants ?? []) : [];
  const chosen = variants.find((v) => v.id === variantId);
  return (
    <Card size="small" style={{ marginBottom: 12 }} title={`${t('flashSales.product')} ${name + 1}`} extra={<Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('flashSales.remove')} onClick={remove} />}>
      <Form.Item name={[name, 'product']} label={t('flashSales.product')} rules={[{ required: true, message: t('form.required') }]}>
        <ProductPicker max={1} onChange={() => form.setFieldValue(['items', name, 'variantId'], undefined)} />
      </Form.Item>
      <Form.Item name={[name, 'variantId']} label={t('flashSales.sku')} rules={[{ required: true, message: t('form.required') }]}>
        <Select
          disabled={!productId}
          loading={detail.loading && Boolean(productId)}
          options={variants.map((v) => ({ value: v.id, label: `${v.sku}${Object.values(v.optionValues).length ? ` · ${Object.values(v.optionValues).join(' / ')}` : ''} · ${money(v.price)}` }))}
        />
      </Form.Item>
      <Space wrap size="middle" align="start">
        <Form.Item
          name={[name, 'flashPrice']}
          label={t('flashSales.flashPrice')}
          rules={[{ required: true, message: t('form.required') }]}
          extra={chosen ? t('flashSales.skuPrice', { price: money(chosen.price) }) : undefined}
        >
          <InputNumber min={0.01} max={1_000_000} precision={2} prefix="¥" style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name={[name, 'stock']} label={t('flashSales.stock')} rules={[{ required: true, message: t('form.required') }]}>
          <InputNumber min={1} max={100_000} precision={0} style={{ width: 130 }} />
        </Form.Item>
        <Form.Item name={[name, 'perCustomerLimit']} label={t('flashSales.perCustomerLimit')} rules={[{ required: true, message: t('form.required') }]}>
          <InputNumber min={1} max={99} precision={0} style={{ width: 130 }} />
        </Form.Item>
      </Space>
    </Card>
  );
}

/** A round's report: every unit of every item accounted for. */
function ReportDrawer({ round, onClose }: { round: FlashRound | null; onClose: () => void }) {
  const { t } = useTranslation();
  const report = useLoad(() => (round ? api.get<{ items: ItemReport[] }>(`/flash-sales/rounds/${round.id}/report`).then((r) => r.items) : Promise.resolve([])), [round?.id]);
  const products = useProducts(round?.items.map((i) => i.productId) ?? []);
  const byItem = new Map(round?.items.map((i) => [i.id, i]) ?? []);
  const skuOf = (r: ItemReport) => {
    const item = byItem.get(r.itemId);
    const p = item ? products.data?.[item.productId] : undefined;
    const v = p?.variants.find((x) => x.id === r.variantId);
    return p && v ? <><div>{pick(p.title)}</div><Typography.Text type="secondary">{v.sku}</Typography.Text></> : r.variantId.slice(0, 8);
  };
  return (
    <Drawer open={round !== null} onClose={onClose} title={round ? t('flashSales.reportTitle', { name: pick(round.name) }) : ''} size="large" destroyOnHidden>
      {report.error ? <ErrorState error={report.error} onRetry={report.reload} /> : null}
      <Table<ItemReport>
        rowKey="itemId"
        size="small"
        loading={report.loading}
        dataSource={report.data}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('flashSales.sku'), key: 'sku', render: (_, r) => skuOf(r) },
          { title: t('flashSales.flashPrice'), key: 'price', align: 'right', render: (_, r) => <Money fen={byItem.get(r.itemId)?.flashPrice} /> },
          { title: t('flashSales.stock'), dataIndex: 'stock', align: 'right' },
          { title: t('flashSales.decided'), key: 'decided', align: 'right', render: (_, r) => r.units.decided },
          { title: t('flashSales.ordered'), key: 'ordered', align: 'right', render: (_, r) => r.units.ordered },
          { title: t('flashSales.paid'), key: 'paid', align: 'right', render: (_, r) => r.units.paid },
          { title: t('flashSales.released'), key: 'released', align: 'right', render: (_, r) => r.units.released },
          { title: t('flashSales.returned'), key: 'returned', align: 'right', render: (_, r) => r.returned },
          { title: t('flashSales.left'), key: 'left', align: 'right', render: (_, r) => r.left ?? '—' },
          { title: t('flashSales.accounted'), key: 'acc', render: (_, r) => (r.accounted ? <Tag color="green">{t('flashSales.accountedYes')}</Tag> : <Tag color="red">{t('flashSales.accountedNo')}</Tag>) },
        ]}
      />
    </Drawer>
  );
}

/** Flash sale rounds (秒杀场次): list, create (marketing.manage), publish drafts, and each round's report. */
export default function FlashSalesScreen() {
  const { t } = useTranslation();
  const { can } = useSession();
  const feedback = useFeedback();
  const writable = can('marketing.manage');
  const list = useLoad(() => api.get<{ items: FlashRound[] }>('/flash-sales/rounds').then((r) => [...r.items].sort((a, b) => b.startsAt.localeCompare(a.startsAt))), []);
  const [creating, setCreating] = useState(false);
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [reportOf, setReportOf] = useState<FlashRound | null>(null);
  const [form] = Form.useForm<Values>();
  // One key per dialog: a double click or a retry after a lost answer creates one round.
  const [key, setKey] = useState('');

  const open = () => {
    setKey(newIdempotencyKey());
    setFormError(null);
    form.resetFields();
    const start = dayjs().add(1, 'hour').startOf('hour');
    form.setFieldsValue({ startsAt: start, endsAt: start.add(1, 'hour'), items: [{ perCustomerLimit: 1 }] });
    setCreating(true);
  };
  const submit = async (v: Values) => {
    setFormError(null);
    if (!v.endsAt.isAfter(v.startsAt)) return setFormError(t('flashSales.endAfterStart'));
    if (new Set(v.items.map((i) => i.variantId)).size !== v.items.length) return setFormError(t('flashSales.duplicateSku'));
    setSaving(true);
    try {
      await api.post('/flash-sales/rounds', flashRoundBody(v), { 'idempotency-key': key });
      feedback.ok(t('common.savedOk'));
      setCreating(false);
      list.reload();
    } catch (err) {
      setFormError(errorText(err, t));
    } finally {
      setSaving(false);
    }
  };
  const act = useAction(list.reload);
  const cancel = (r: FlashRound) => act(() => api.post(`/flash-sales/rounds/${r.id}/cancel`), t('flashSales.cancelled'));
  const publish = (r: FlashRound) => act(() => api.post(`/flash-sales/rounds/${r.id}/publish`), t('flashSales.published'));

  return (
    <>
      <PageHeader title={t('flashSales.title')} sub={t('flashSales.subtitle')} extra={writable ? <Button type="primary" icon={<PlusOutlined />} onClick={open}>{t('flashSales.create')}</Button> : null} />
      <Card>
        {list.error ? <ErrorState error={list.error} onRetry={list.reload} /> : null}
        <DataTable<FlashRound>
          label={t('flashSales.title')}
          rowKey="id"
          size="middle"
          loading={list.loading}
          dataSource={list.data}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          columns={[
            { title: t('flashSales.name'), key: 'name', render: (_, r) => pick(r.name) },
            { title: t('flashSales.window'), key: 'w', render: (_, r) => <span style={{ whiteSpace: 'nowrap' }}><DateTime at={r.startsAt} /> –<br /><DateTime at={r.endsAt} /></span> },
            { title: t('flashSales.status'), key: 'st', render: (_, r) => <Tag color={STATUS_COLORS[r.status]}>{t(`flashSales.statuses.${r.status}`)}</Tag> },
            { title: t('flashSales.itemsCount'), key: 'n', align: 'right', render: (_, r) => r.items.length },
            {
              title: t('flashSales.leftOfStock'), key: 'left', align: 'right',
              render: (_, r) => {
                const stock = r.items.reduce((s, i) => s + i.stock, 0);
                const left = r.items.every((i) => i.left === null) ? null : r.items.reduce((s, i) => s + (i.left ?? 0), 0);
                return `${left ?? '—'} / ${stock}`;
              },
            },
            {
              key: 'a', align: 'right', render: (_, r) => (
                <Space size={0}>
                  {writable && r.status === 'draft' ? (
                    <Popconfirm title={t('flashSales.publishConfirm')} onConfirm={() => publish(r)} okText={t('flashSales.publish')}>
                      <Button size="small" type="link">{t('flashSales.publish')}</Button>
                    </Popconfirm>
                  ) : null}
                  {/* Before its start a round can be called off (its stock goes back); once on, it closes at its end. */}
                  {writable && (r.status === 'draft' || (r.status === 'published' && Date.parse(r.startsAt) > Date.now())) ? (
                    <Popconfirm title={t(r.status === 'draft' ? 'flashSales.cancelDraftConfirm' : 'flashSales.cancelConfirm')} onConfirm={() => cancel(r)} okText={t('flashSales.cancel')} okButtonProps={{ danger: true }}>
                      <Button size="small" type="link" danger>{t('flashSales.cancel')}</Button>
                    </Popconfirm>
                  ) : null}
                  <Button size="small" type="link" onClick={() => setReportOf(r)}>{t('flashSales.report')}</Button>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Modal open={creating} title={t('flashSales.create')} onCancel={() => setCreating(false)} onOk={() => form.submit()} okText={t('common.save')} confirmLoading={saving} destroyOnHidden width={720}>
        <Form form={form} layout="vertical" onFinish={submit}>
          {formError ? <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} /> : null}
          <Space.Compact block>
            <Form.Item name="nameZh" label={t('flashSales.nameZh')} rules={[{ required: true, message: t('form.required') }, { max: 40 }]} style={{ flex: 1 }}><Input /></Form.Item>
            <Form.Item name="nameEn" label={t('flashSales.nameEn')} rules={[{ required: true, message: t('form.required') }, { max: 40 }]} style={{ flex: 1 }}><Input /></Form.Item>
          </Space.Compact>
          <Space wrap size="middle">
            <Form.Item name="startsAt" label={t('flashSales.startsAt')} rules={[{ required: true, message: t('form.required') }]}>
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
            </Form.Item>
            <Form.Item name="endsAt" label={t('flashSales.endsAt')} rules={[{ required: true, message: t('form.required') }]}>
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
            </Form.Item>
          </Space>
          <Typography.Title level={5}>{t('flashSales.items')}</Typography.Title>
          <Form.List name="items">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => <ItemRow key={f.key} name={f.name} remove={() => remove(f.name)} />)}
                {fields.length < 50 ? <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ perCustomerLimit: 1 })}>{t('flashSales.addItem')}</Button> : null}
              </>
            )}
          </Form.List>
        </Form>
      </Modal>
      <ReportDrawer round={reportOf} onClose={() => setReportOf(null)} />
    </>
  );
}
