import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { App, Button, Card, Col, Form, Popconfirm, Row, Space } from 'antd';
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
import { emptyProduct, toFormValues, toProductDraft, toProductSave, type ProductFormValues } from './product-form';
import { sellableUnits } from './product-stock';
import { ProductStockCard, useProductStock } from './ProductStockCard';
import { BasicFields } from './BasicFields';
import { ImagesField } from './ImagesField';
import { OptionsField } from './OptionsField';
import { VariantsField } from './VariantsField';
import { Loading } from '../../components/Loading';

/**
 * Create a product (adminCreateProduct) or save one whole (adminSaveProduct: its fields, options and
 * variants in one change), see and adjust its stock, and put it on or off sale (publishProduct /
 * archiveProduct; publishing with nothing to sell asks first).
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
  const stock = useProductStock(product);
  const { modal } = App.useApp();

  useEffect(() => {
    setProduct(loaded.data);
    form.setFieldsValue(loaded.data ? toFormValues(loaded.data) : emptyProduct());
  }, [loaded.data, form]);

  if (loaded.error) return <ErrorState error={loaded.error} onRetry={loaded.reload} />;
  if (!creating && !product) return <Loading />;

  const save = async () => {
    // The whole store, not onFinish's values: those leave out the variant ids (no input of their own).
    const values = form.getFieldsValue(true) as ProductFormValues;
    setSaving(true);
    try {
      if (creating) {
        const created = await api.post<ProductDetail>('/products', toProductDraft(values));
        feedback.ok(t('products.created'));
        navigate(`/products/${created.id}`, { replace: true });
        return;
      }
      const next = await api.put<ProductDetail>(`/products/${product!.id}`, toProductSave(values));
      setProduct(next);
      form.setFieldsValue(toFormValues(next));
      feedback.ok(t('products.saved'));
    } catch (err) {
      feedback.fail(err);
    } finally {
      setSaving(false);
    }
  };

  const publish = () => {
    if (stock.readable && stock.lines && sellableUnits(product!.variants, stock.lines) === 0) {
      modal.confirm({
        title: t('products.publishNoStockTitle'),
        content: t('products.publishNoStock'),
        okText: t('products.publishAnyway'),
        onOk: () => changeStatus('publish'),
      });
      return;
    }
    void changeStatus('publish');
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
              {product && product.status !== 'active' ? <Button onClick={publish}>{t('products.publish')}</Button> : null}
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
      {product ? <ProductStockCard stock={stock} /> : null}
    </Form>
  );
}
