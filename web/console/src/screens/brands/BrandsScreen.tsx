import { useState } from 'react';
import { Button, Card, Form, Input, Modal } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { useSession } from '../../app/session';
import { DataTable } from '../../components/DataTable';
import { ErrorState } from '../../components/ErrorState';
import { useFeedback } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import type { Brand, BrandInput } from '../../types';
import { useCatalogLookups } from '../products/lookups';

interface Values { slug: string; nameZh: string; nameEn: string }

/** Brands (adminListBrands) with create and rename (catalog.write). */
export default function BrandsScreen() {
  const { t } = useTranslation();
  const { can } = useSession();
  const feedback = useFeedback();
  const { brands } = useCatalogLookups();
  const [editing, setEditing] = useState<{ brand?: Brand } | null>(null);
  const [form] = Form.useForm<Values>();
  const writable = can('catalog.write');

  const open = (brand?: Brand) => {
    setEditing({ brand });
    form.setFieldsValue(brand ? { slug: brand.slug, nameZh: brand.name['zh-CN'], nameEn: brand.name.en } : { slug: '', nameZh: '', nameEn: '' });
  };
  const submit = async (v: Values) => {
    const body: BrandInput = { slug: v.slug.trim(), name: { 'zh-CN': v.nameZh.trim(), en: v.nameEn.trim() } };
    try {
      if (editing?.brand) await api.patch(`/brands/${editing.brand.id}`, body);
      else await api.post('/brands', body);
      feedback.ok(t('common.savedOk'));
      setEditing(null);
      brands.reload();
    } catch (err) {
      feedback.fail(err);
    }
  };

  return (
    <>
      <PageHeader title={t('brands.title')} extra={writable ? <Button type="primary" icon={<PlusOutlined />} onClick={() => open()}>{t('brands.create')}</Button> : null} />
      <Card>
        {brands.error ? <ErrorState error={brands.error} onRetry={brands.reload} /> : null}
        <DataTable<Brand>
          label={t('brands.title')}
          rowKey="id"
          size="middle"
          loading={brands.loading}
          dataSource={brands.data}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          columns={[
            { title: t('products.nameZh'), key: 'zh', render: (_, b) => b.name['zh-CN'] },
            { title: t('products.nameEn'), key: 'en', render: (_, b) => b.name.en },
            { title: t('products.slug'), dataIndex: 'slug' },
            { key: 'a', width: 100, align: 'right', render: (_, b) => (writable ? <Button size="small" type="link" icon={<EditOutlined />} onClick={() => open(b)}>{t('common.edit')}</Button> : null) },
          ]}
        />
      </Card>
      <Modal open={editing !== null} title={editing?.brand ? t('brands.edit') : t('brands.create')} onCancel={() => setEditing(null)} onOk={() => form.submit()} okText={t('common.save')} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item name="nameZh" label={t('products.nameZh')} rules={[{ required: true, message: t('form.required') }]}><Input /></Form.Item>
          <Form.Item name="nameEn" label={t('products.nameEn')} rules={[{ required: true, message: t('form.required') }]}><Input /></Form.Item>
          <Form.Item name="slug" label={t('products.slug')} rules={[{ required: true, message: t('form.required') }, { pattern: /^[a-z0-9][a-z0-9-]{0,79}$/, message: t('form.slug') }]}><Input /></Form.Item>
        </Form>
      </Modal>
    </>
  );
}
