import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Form, Input, InputNumber, Modal, Select, Space, Switch } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../app/api';
import { newIdempotencyKey } from '../../app/idempotency-key';
import { currentLanguage } from '../../i18n';
import { money } from '../../components/format';
import { errorText } from '../../components/ErrorState';
import { useFeedback } from '../../components/feedback';
import { ProductPicker } from './ProductPicker';
import { fieldErrorsOf, groupBuyBody, groupBuyPatchBody, groupBuyValuesOf, NEW_GROUP_BUY, type GroupBuy, type GroupBuyValues, type Localized, type VariantValues } from './group-buy-form';
import { useProducts } from './use-products';

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

/** What the form is open for: a new activity, or one to edit (`activity`); null when closed. */
export type GroupBuyEditing = { activity?: GroupBuy } | null;

/**
 * The group-buy form, to create (POST, one Idempotency-Key per opening) or to edit (PATCH of the
 * settings changed; the product stays). A 422 is shown on the fields it names; any other refusal —
 * an activity another operator ended meanwhile (409 GROUP_ACTIVITY_ENDED) — above the form in the
 * server's words, and the list is reloaded so the row shows why.
 */
export function GroupBuyFormModal({ editing, onClose, onChanged }: { editing: GroupBuyEditing; onClose: () => void; onChanged: () => void }) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const [form] = Form.useForm<GroupBuyValues>();
  const simulated = Form.useWatch('simulatedEnabled', form);
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<{ title: string; description?: string; onFields?: boolean } | null>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  // One key per dialog: a double click or a retry after a lost answer creates one activity.
  const [key, setKey] = useState('');
  const activity = editing?.activity;

  useEffect(() => {
    if (!editing) return;
    setKey(newIdempotencyKey());
    setFormError(null);
    form.resetFields();
    form.setFieldsValue(editing.activity ? groupBuyValuesOf(editing.activity) : NEW_GROUP_BUY);
  }, [editing, form]);

  // Save is pressed at the bottom of a long form: a refusal above it is brought into view (one on a field, that field).
  useEffect(() => {
    if (formError && !formError.onFields) alertRef.current?.scrollIntoView({ block: 'nearest' });
  }, [formError]);

  const submit = async (v: GroupBuyValues) => {
    setFormError(null);
    if (new Set(v.variants.map((i) => i.variantId)).size !== v.variants.length) return setFormError({ title: t('groupBuys.duplicateSku') });
    const patch = activity ? groupBuyPatchBody(v, activity) : null;
    if (patch && Object.keys(patch).length === 0) {
      feedback.message.info(t('groupBuys.noChanges'));
      return onClose();
    }
    setSaving(true);
    try {
      if (activity) await api.patch(`/group-buys/${activity.id}`, patch);
      else await api.post('/group-buys', groupBuyBody(v), { 'idempotency-key': key });
      feedback.ok(t('common.savedOk'));
      onClose();
      onChanged();
    } catch (err) {
      // A 422 names each field that is wrong: show it on the field; the rest above the form.
      const placed = fieldErrorsOf(
        err instanceof ApiError && Array.isArray(err.problem.errors) ? (err.problem.errors as unknown as Array<{ path: string; message: string | Localized }>) : [],
        currentLanguage() === 'en' ? 'en' : 'zh-CN',
      );
      if (placed.fields.length) {
        form.setFields(placed.fields as Parameters<typeof form.setFields>[0]);
        form.scrollToField(placed.fields[0].name, { block: 'center' });
      }
      if (placed.fields.length && !placed.unplaced) setFormError({ title: t('groupBuys.fixFields'), onFields: true });
      else if (err instanceof ApiError && err.code === 'GROUP_ACTIVITY_ENDED') {
        setFormError({ title: errorText(err, t), description: t('groupBuys.endedNoEdit') });
        onChanged();
      } else setFormError({ title: errorText(err, t) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={editing !== null}
      title={activity ? t('groupBuys.editTitle') : t('groupBuys.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={saving}
      destroyOnHidden
      width={720}
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <div ref={alertRef} style={{ scrollMarginTop: 16 }}>
          {formError ? <Alert type="error" showIcon title={formError.title} description={formError.description} style={{ marginBottom: 16 }} /> : null}
        </div>
        {activity && !formError ? <Alert type="info" showIcon title={t('groupBuys.editNote')} style={{ marginBottom: 16 }} /> : null}
        <Space.Compact block>
          <Form.Item name="nameZh" label={t('groupBuys.nameZh')} rules={[{ required: true, message: t('form.required') }, { max: 60 }]} style={{ flex: 1 }}><Input /></Form.Item>
          <Form.Item name="nameEn" label={t('groupBuys.nameEn')} rules={[{ required: true, message: t('form.required') }, { max: 60 }]} style={{ flex: 1 }}><Input /></Form.Item>
        </Space.Compact>
        <Form.Item name="product" label={t('groupBuys.product')} rules={[{ required: true, message: t('form.required') }]} extra={activity ? t('groupBuys.productFixed') : undefined}>
          <ProductPicker max={1} disabled={Boolean(activity)} onChange={() => form.setFieldValue('variants', [{}])} />
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
  );
}
