import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Button, Card, Col, Form, Popconfirm, Row, Space } from 'antd';
import { ArrowLeftOutlined, SaveOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { useLoad } from '../../app/hooks';
import { useSession } from '../../app/session';
import { pick } from '../../i18n';
import { ErrorState } from '../../components/ErrorState';
import { useFeedback } from '../../components/feedback';
import { ProductStatusTag } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import type { ProductDetail } from '../../types';
import { emptyProduct, toFormValues, toProductFields, toProductInput, variantChanges, type ProductFormValues } from './product-form';
import { BasicFields } from './BasicFields';
import { ImagesField } from './ImagesField';
import { OptionsField } from './OptionsField';
import { VariantsField } from './VariantsField';
import { Loading } from '../../components/Loading';

/**
 * Create a product (adminCreateProduct) or edit one (adminUpdateProduct, adminAddVariant,
 * adminUpdateVariant), and put it on or off sale (publishProduct / archiveProduct).
 */
export default function ProductEditScreen() {
  const { id } = useParams();
  const creating = !id;
  const { t } = useTranslation();
  const navigate = useNavigate();
  const feedback = useFeedback();
  const { can } = useSession();
  const writable = can('catalog.write');
  const [form] = Form.useForm<ProductFormValues>();
  const [saving, setSaving] = useState(false);
  const loaded = useLoad(() => (id ? api.get<ProductDetail>(`/products/${id}`) : Promise.resolve(undefined)), [id]);
  const [product, setProduct] = useState<ProductDetail | undefined>();

  useEffect(() => {
    setProduct(loaded.data);
    form.setFieldsValue(loaded.data ? toFormValues(loaded.data) : emptyProduct());
  }, [loaded.data, form]);

  if (loaded.error) return <ErrorState error={loaded.error} onRetry={loaded.reload} />;
  if (!creating && !product) return <Loading />;

  const save = async (values: ProductFormValues) => {
    setSaving(true);
    try {
      if (creating) {
        const created = await api.post<ProductDetail>('/products', toProductInput(values));
        feedback.ok(t('products.created'));
        navigate(`/products/${created.id}`, { replace: true });
        return;
      }
      let next = await api.patch<ProductDetail>(`/products/${product!.id}`, toProductFields(values));
      const { add, update } = variantChanges(product!.variants, values.variants);
      for (const u of update) await api.patch(`/variants/${u.id}`, u.patch);
      for (const a of add) next = await api.post<ProductDetail>(`/products/${product!.id}/variants`, a);
      if (update.length) next = await api.get<ProductDetail>(`/products/${product!.id}`);
      setProduct(next);
      form.setFieldsValue(toFormValues(next));
      feedback.ok(t('products.saved'));
    } catch (err) {
      feedback.fail(err);
    } finally {
      setSaving(false);
    }
  };

  const changeStatus = async (verb: 'publish' | 'archive') => {
    try {
      const next = await api.post<ProductDetail>(`/products/${product!.id}/${verb}`);
      setProduct(next);
      feedback.ok(t(verb === 'publish' ? 'products.published' : 'products.archived'));
    } catch (err) {
      feedback.fail(err);
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={save} disabled={!writable} scrollToFirstError>
      <PageHeader
        title={
          <Space wrap>
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate('/products')} disabled={false} aria-label={t('common.back')} />
            {creating ? t('products.create') : pick(product!.title)}
            {product ? <ProductStatusTag status={product.status} /> : null}
          </Space>
        }
        extra={
          writable ? (
            <>
              {product && product.status !== 'active' ? <Button onClick={() => void changeStatus('publish')}>{t('products.publish')}</Button> : null}
              {product && product.status !== 'archived' ? (
                <Popconfirm title={t('products.archiveConfirm')} onConfirm={() => void changeStatus('archive')}>
                  <Button danger>{t('products.archive')}</Button>
                </Popconfirm>
              ) : null}
              <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={saving}>{creating ? t('products.createSubmit') : t('common.save')}</Button>
            </>
          ) : null
        }
      />
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Card title={t('products.basics')} style={{ marginBottom: 16 }}><BasicFields /></Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t('products.images')} style={{ marginBottom: 16 }}><ImagesField /></Card>
          <Card title={t('products.options')} style={{ marginBottom: 16 }}><OptionsField /></Card>
        </Col>
      </Row>
      <Card title={t('products.variants')}>
        <VariantsField />
      </Card>
    </Form>
  );
}
