import { useEffect, useState } from 'react';
import { Checkbox, Col, DatePicker, Form, Input, Row, Select, Space, TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import { pick } from '../../i18n';
import { categoryTreeData, useCatalogLookups } from './lookups';
import { RichTextEditor } from './RichTextEditor';

const SLUG = /^[a-z0-9][a-z0-9-]{0,79}$/;

/** Title, subtitle and description in both languages; slug, category, brand, flags and tags. */
export function BasicFields() {
  const { t } = useTranslation();
  const { categories, brands } = useCatalogLookups();
  const required = { required: true, message: t('form.required') };
  const tiers = useMemberTiers();
  return (
    <>
      <Row gutter={12}>
        <Col xs={24} md={12}><Form.Item name="titleZh" label={t('products.titleZh')} rules={[required, { max: 500 }]}><Input /></Form.Item></Col>
        <Col xs={24} md={12}><Form.Item name="titleEn" label={t('products.titleEn')} extra={t('products.titleEnHelp')} rules={[{ max: 500 }]}><Input /></Form.Item></Col>
        <Col xs={24} md={12}><Form.Item name="subtitleZh" label={t('products.subtitleZh')}><Input /></Form.Item></Col>
        <Col xs={24} md={12}><Form.Item name="subtitleEn" label={t('products.subtitleEn')}><Input /></Form.Item></Col>
        <Col xs={24} md={12}>
          <Form.Item name="slug" label={t('products.slug')} tooltip={t('products.slugHelp')} extra={t('products.slugAuto')} rules={[{ pattern: SLUG, message: t('form.slug') }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="categoryId" label={t('products.category')} rules={[required]}>
            <TreeSelect showSearch={{ treeNodeFilterProp: 'title' }} treeData={categoryTreeData(categories.data)} treeDefaultExpandAll />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="brandId" label={t('products.brand')}>
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={(brands.data ?? []).map((b) => ({ value: b.id, label: pick(b.name) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="tags" label={t('products.tags')}>
            <Select mode="tags" tokenSeparators={[',', '，']} maxCount={30} />
          </Form.Item>
        </Col>
      </Row>
      <Space size="large" style={{ marginBottom: 12 }}>
        <Form.Item name="privateLabel" valuePropName="checked" noStyle><Checkbox>{t('products.privateLabel')}</Checkbox></Form.Item>
        <Form.Item name="exclusive" valuePropName="checked" noStyle><Checkbox>{t('products.exclusive')}</Checkbox></Form.Item>
      </Space>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item name="earlyTiers" label={t('products.earlyTiers')} extra={t('products.earlyHelp')}>
            <Select mode="multiple" allowClear options={tiers.map((x) => ({ value: x.code, label: pick(x.name) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="earlyPublicAt" label={t('products.earlyPublicAt')} dependencies={['earlyTiers']}
            rules={[({ getFieldValue }) => ({ validator: (_, v) => ((getFieldValue('earlyTiers') ?? []).length && !v ? Promise.reject(new Error(t('form.required'))) : Promise.resolve()) })]}>
            <DatePicker showTime style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={24} xl={12}><Form.Item name="descriptionZh" label={t('products.descriptionZh')}><RichTextEditor label={t('products.descriptionZh')} /></Form.Item></Col>
        <Col xs={24} xl={12}><Form.Item name="descriptionEn" label={t('products.descriptionEn')}><RichTextEditor label={t('products.descriptionEn')} /></Form.Item></Col>
      </Row>
    </>
  );
}

/** The membership tiers by code and name (a public read: merchandisers need not read marketing). */
function useMemberTiers(): Array<{ code: string; name: { 'zh-CN': string; en: string } }> {
  const [tiers, setTiers] = useState<Array<{ code: string; name: { 'zh-CN': string; en: string } }>>([]);
  useEffect(() => {
    fetch('/api/store/membership/tiers')
      .then((r) => (r.ok ? r.json() : { items: [] }))
      .then((b: { items: typeof tiers }) => setTiers(b.items), () => setTiers([]));
  }, []);
  return tiers;
}
