import { useState } from 'react';
import { Button, Card, Col, Form, Input, InputNumber, Modal, Radio, Row, Switch, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { useLoad } from '../../app/hooks';
import { pick } from '../../i18n';
import { DataTable } from '../../components/DataTable';
import { ErrorState } from '../../components/ErrorState';
import { useFeedback } from '../../components/feedback';
import { money } from '../../components/format';
import type { ShippingMethod } from '../../types';
import { toShippingForm, toShippingInput, toShippingPatch, type ShippingFormValues } from './shipping-form';

/** Shipping methods (adminListShippingMethods / adminCreateShippingMethod / adminUpdateShippingMethod). */
export function ShippingMethodsTab() {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const { data, error, loading, reload } = useLoad(() => api.get<{ items: ShippingMethod[] }>('/shipping-methods').then((r) => r.items), []);
  const [editing, setEditing] = useState<{ method?: ShippingMethod } | null>(null);
  const [form] = Form.useForm<ShippingFormValues>();
  const kind = Form.useWatch('kind', form);

  const open = (method?: ShippingMethod) => {
    setEditing({ method });
    form.setFieldsValue(method ? toShippingForm(method) : { code: '', nameZh: '', nameEn: '', kind: 'flat', active: true, flatFee: 10, deliveryDays: 3 });
  };
  const submit = async (v: ShippingFormValues) => {
    try {
      if (editing?.method) await api.patch(`/shipping-methods/${editing.method.id}`, toShippingPatch(v, editing.method));
      else await api.post('/shipping-methods', toShippingInput(v));
      feedback.ok(t('common.savedOk'));
      setEditing(null);
      reload();
    } catch (err) {
      feedback.fail(err);
    }
  };
  const describe = (m: ShippingMethod) => {
    if (m.kind === 'flat') return t('shipping.flatRule', { fee: money(m.flatFee ?? 0) });
    if (m.kind === 'freeOver') return t('shipping.freeOverRule', { threshold: money(m.freeThreshold ?? 0), fee: money(m.flatFee ?? 0) });
    return t('shipping.byWeightRule', { firstGrams: m.firstWeightGrams, firstFee: money(m.firstFee ?? 0), extraGrams: m.extraWeightGrams, extraFee: money(m.extraFee ?? 0) })
      + (m.regionFees?.length ? ` · ${t('shipping.regionCount', { count: m.regionFees.length })}` : '');
  };

  if (error) return <ErrorState error={error} onRetry={reload} />;
  return (
    <Card extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => open()}>{t('shipping.create')}</Button>} title={t('settings.shippingMethods')}>
      <DataTable<ShippingMethod>
        label={t('settings.shippingMethods')}
        rowKey="id" size="middle" loading={loading} dataSource={data} pagination={false}
        columns={[
          { title: t('shipping.name'), key: 'n', render: (_, m) => <>{pick(m.name)} <Tag>{m.code}</Tag></> },
          { title: t('shipping.kind'), dataIndex: 'kind', width: 140, render: (k: string) => t(`shipping.kinds.${k}`) },
          { title: t('shipping.rule'), key: 'r', render: (_, m) => describe(m) },
          { title: t('shipping.active'), dataIndex: 'active', width: 100, render: (a: boolean) => (a ? <Tag color="green">{t('shipping.on')}</Tag> : <Tag>{t('shipping.off')}</Tag>) },
          { title: t('categories.position'), dataIndex: 'position', width: 80, align: 'right' },
          { key: 'a', width: 80, align: 'right', render: (_, m) => <Button size="small" type="link" onClick={() => open(m)}>{t('common.edit')}</Button> },
        ]}
      />
      <Modal open={editing !== null} width={640} title={editing?.method ? t('shipping.edit') : t('shipping.create')} onCancel={() => setEditing(null)} onOk={() => form.submit()} okText={t('common.save')} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={submit}>
          <Row gutter={12}>
            <Col xs={24} sm={8}><Form.Item name="code" label={t('shipping.code')} rules={[{ required: true, pattern: /^[a-z0-9][a-z0-9_-]{0,39}$/, message: t('form.code') }]}><Input disabled={Boolean(editing?.method)} /></Form.Item></Col>
            <Col xs={24} sm={8}><Form.Item name="nameZh" label={t('products.nameZh')} rules={[{ required: true, whitespace: true, message: t('form.required') }]}><Input /></Form.Item></Col>
            <Col xs={24} sm={8}><Form.Item name="nameEn" label={t('products.nameEn')} rules={[{ required: true, whitespace: true, message: t('form.required') }]}><Input /></Form.Item></Col>
          </Row>
          <Form.Item name="kind" label={t('shipping.kind')}>
            <Radio.Group optionType="button" options={(['flat', 'freeOver', 'byWeight'] as const).map((k) => ({ value: k, label: t(`shipping.kinds.${k}`) }))} />
          </Form.Item>
          <Row gutter={12}>
            {kind === 'freeOver' ? <Col xs={24} sm={12}><Form.Item name="freeThreshold" label={t('shipping.freeThreshold')} rules={[{ required: true, message: t('form.required') }]}><InputNumber min={0} precision={2} prefix="¥" style={{ width: '100%' }} /></Form.Item></Col> : null}
            {kind === 'flat' || kind === 'freeOver' ? <Col xs={24} sm={12}><Form.Item name="flatFee" label={kind === 'freeOver' ? t('shipping.feeBelow') : t('shipping.flatFee')} rules={kind === 'flat' ? [{ required: true, message: t('form.required') }] : []}><InputNumber min={0} precision={2} prefix="¥" style={{ width: '100%' }} /></Form.Item></Col> : null}
            {kind === 'byWeight' ? (
              <>
                <Col xs={24} sm={12}><Form.Item name="firstWeightGrams" label={t('shipping.firstWeight')} rules={[{ required: true, message: t('form.required') }]}><InputNumber min={1} precision={0} suffix="g" style={{ width: '100%' }} /></Form.Item></Col>
                <Col xs={24} sm={12}><Form.Item name="firstFee" label={t('shipping.firstFee')} rules={[{ required: true, message: t('form.required') }]}><InputNumber min={0} precision={2} prefix="¥" style={{ width: '100%' }} /></Form.Item></Col>
                <Col xs={24} sm={12}><Form.Item name="extraWeightGrams" label={t('shipping.extraWeight')} rules={[{ required: true, message: t('form.required') }]}><InputNumber min={1} precision={0} suffix="g" style={{ width: '100%' }} /></Form.Item></Col>
                <Col xs={24} sm={12}><Form.Item name="extraFee" label={t('shipping.extraFee')} rules={[{ required: true, message: t('form.required') }]}><InputNumber min={0} precision={2} prefix="¥" style={{ width: '100%' }} /></Form.Item></Col>
              </>
            ) : null}
          </Row>
          <Row gutter={12}>
            <Col xs={24} sm={12}><Form.Item name="deliveryDays" label={t('shipping.deliveryDays')} extra={t('shipping.deliveryDaysHint')}><InputNumber min={0} max={60} precision={0} /></Form.Item></Col>
            <Col xs={24} sm={12}><Form.Item name="position" label={t('categories.position')}><InputNumber min={0} max={10000} precision={0} /></Form.Item></Col>
            <Col xs={24} sm={12}><Form.Item name="active" label={t('shipping.active')} valuePropName="checked"><Switch /></Form.Item></Col>
          </Row>
        </Form>
      </Modal>
    </Card>
  );
}
