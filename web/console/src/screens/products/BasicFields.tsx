import { Checkbox, Col, Form, Input, Row, Select, Space, TreeSelect } from 'antd';
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
        <Col xs={24} xl={12}><Form.Item name="descriptionZh" label={t('products.descriptionZh')}><RichTextEditor label={t('products.descriptionZh')} /></Form.Item></Col>
        <Col xs={24} xl={12}><Form.Item name="descriptionEn" label={t('products.descriptionEn')}><RichTextEditor label={t('products.descriptionEn')} /></Form.Item></Col>
      </Row>
    </>
  );
}
