import { Button, Form, Input, InputNumber, Select, Switch, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ProductFormValues } from './product-form';
import { DataTable } from '../../components/DataTable';

const SKU = /^[A-Za-z0-9_.-]{1,64}$/;

/**
 * Variants as an editable table: SKU, one value per option, price and list price in yuan (sent as
 * fen), weight, barcode and whether it is on sale. Saved variants cannot be deleted (orders point
 * at them); switch them off instead.
 */
export function VariantsField() {
  const { t, i18n } = useTranslation();
  const form = Form.useFormInstance<ProductFormValues>();
  const options = Form.useWatch('options', form) ?? [];
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  // The cells have no visible label of their own: name each input after its column and row.
  const cell = (what: string, f: { name: number }) => t('products.variantCell', { what, n: f.name + 1 });
  return (
    <Form.List name="variants">
      {(fields, { add, remove }) => (
        <>
          <DataTable
            label={t('products.variants')}
            size="small"
            pagination={false}
            rowKey="key"
            dataSource={fields}
            scroll={{ x: 'max-content' }}
            columns={[
              {
                title: 'SKU', key: 'sku', width: 180,
                render: (_, f) => (
                  <Form.Item name={[f.name, 'sku']} rules={[{ required: true, message: t('form.required') }, { pattern: SKU, message: t('form.sku') }]} style={{ margin: 0 }}>
                    <Input size="small" aria-label={cell('SKU', f)} />
                  </Form.Item>
                ),
              },
              ...options.filter((o) => o?.code).map((o) => ({
                title: (lang === 'en' ? o.nameEn : o.nameZh) || o.code, key: `opt-${o.code}`, width: 120,
                render: (_: unknown, f: { name: number }) => (
                  <Form.Item name={[f.name, 'optionValues', o.code]} style={{ margin: 0 }}>
                    <Select size="small" allowClear aria-label={cell((lang === 'en' ? o.nameEn : o.nameZh) || o.code, f)} options={(o.values ?? []).filter((v) => v?.code).map((v) => ({ value: v.code, label: (lang === 'en' ? v.nameEn : v.nameZh) || v.code }))} />
                  </Form.Item>
                ),
              })),
              {
                title: t('products.priceYuan'), key: 'price', width: 120,
                render: (_, f) => (
                  <Form.Item name={[f.name, 'price']} rules={[{ required: true, message: t('form.required') }]} style={{ margin: 0 }}>
                    <InputNumber size="small" min={0} precision={2} step={1} prefix="¥" style={{ width: '100%' }} aria-label={cell(t('products.priceYuan'), f)} />
                  </Form.Item>
                ),
              },
              {
                title: t('products.listPriceYuan'), key: 'listPrice', width: 120,
                render: (_, f) => (
                  <Form.Item name={[f.name, 'listPrice']} style={{ margin: 0 }}>
                    <InputNumber size="small" min={0} precision={2} prefix="¥" style={{ width: '100%' }} aria-label={cell(t('products.listPriceYuan'), f)} />
                  </Form.Item>
                ),
              },
              {
                title: t('products.weightGrams'), key: 'weight', width: 100,
                render: (_, f) => <Form.Item name={[f.name, 'weightGrams']} style={{ margin: 0 }}><InputNumber size="small" min={0} max={1_000_000} style={{ width: '100%' }} aria-label={cell(t('products.weightGrams'), f)} /></Form.Item>,
              },
              {
                title: t('products.barcode'), key: 'barcode', width: 140,
                render: (_, f) => <Form.Item name={[f.name, 'barcode']} style={{ margin: 0 }}><Input size="small" maxLength={64} aria-label={cell(t('products.barcode'), f)} /></Form.Item>,
              },
              {
                title: t('products.onSale'), key: 'active', width: 80,
                render: (_, f) => <Form.Item name={[f.name, 'active']} valuePropName="checked" style={{ margin: 0 }}><Switch size="small" aria-label={cell(t('products.onSale'), f)} /></Form.Item>,
              },
              {
                key: 'remove', width: 48,
                render: (_, f) =>
                  form.getFieldValue(['variants', f.name, 'id']) ? null : (
                    <Button type="text" size="small" danger icon={<DeleteOutlined />} disabled={fields.length <= 1} onClick={() => remove(f.name)} aria-label={cell(t('common.remove'), f)} />
                  ),
              },
            ]}
          />
          <Button type="dashed" block icon={<PlusOutlined />} style={{ marginTop: 8 }} disabled={fields.length >= 200}
            onClick={() => add({ sku: '', optionValues: {}, price: null, listPrice: null, weightGrams: 0, barcode: null, active: true })}>
            {t('products.addVariant')}
          </Button>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>{t('products.variantsHelp')}</Typography.Paragraph>
        </>
      )}
    </Form.List>
  );
}
