import { useState } from 'react';
import { Button, Card, Col, Empty, Flex, Form, Image, Input, Row, Select, Space, Typography, Upload } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { useFeedback } from '../../components/feedback';
import { BLOCK_KINDS, MAX_BLOCKS, emptyBlock, type BlockKind } from './campaign-form';
import { ProductPicker } from './ProductPicker';

const ACCEPT = 'image/jpeg,image/png,image/webp,image/avif,image/gif';

/** A banner's picture: uploaded to the media library; the campaign keeps its id. */
function ImageIdField({ value, onChange, disabled }: { value?: string | null; onChange?: (id: string | null) => void; disabled?: boolean }) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const [uploading, setUploading] = useState(false);
  const upload = async (file: File) => {
    setUploading(true);
    try {
      const asset = await api.postFile<{ id: string }>('/media', file);
      onChange?.(asset.id);
    } catch (error) {
      feedback.fail(error);
    } finally {
      setUploading(false);
    }
  };
  return (
    <Flex gap={12} align="center" wrap>
      {value ? (
        <Image src={`/media/${value}`} alt={t('campaigns.imageAlt')} width={240} height={80} style={{ objectFit: 'cover', borderRadius: 4 }} />
      ) : (
        <Typography.Text type="secondary">{t('campaigns.noImage')}</Typography.Text>
      )}
      {disabled ? null : (
        <>
          <Upload accept={ACCEPT} showUploadList={false} beforeUpload={(file) => { void upload(file); return false; }}>
            <Button icon={<UploadOutlined />} loading={uploading}>{value ? t('campaigns.replaceImage') : t('campaigns.uploadImage')}</Button>
          </Upload>
          {value ? <Button icon={<DeleteOutlined />} onClick={() => onChange?.(null)}>{t('campaigns.removeImage')}</Button> : null}
        </>
      )}
    </Flex>
  );
}

/** A localized pair of inputs side by side (stacked on a phone). */
function Pair({ name, zh, en, required, max, area }: { name: [number, string, string]; zh: string; en: string; required?: boolean; max: number; area?: boolean }) {
  const { t } = useTranslation();
  const [index, zhKey, enKey] = name;
  const Field = area ? Input.TextArea : Input;
  const props = area ? { autoSize: { minRows: 3, maxRows: 12 } } : {};
  return (
    <Row gutter={12}>
      <Col xs={24} md={12}>
        <Form.Item name={[index, zhKey]} label={zh} rules={[...(required ? [{ required: true, whitespace: true, message: t('form.required') }] : []), { max }]}>
          <Field {...props} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name={[index, enKey]} label={en} rules={[{ max }]}>
          <Field {...props} />
        </Form.Item>
      </Col>
    </Row>
  );
}

/**
 * The landing page's blocks, in order: add any kind, move up and down, remove. What each kind asks
 * for follows the contract (banner: a title; text: a body; products 1–48; coupons 1–12).
 */
export function BlocksField({ templates, disabled }: { templates: Array<{ value: string; label: string }>; disabled?: boolean }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const kindLabel = (k: BlockKind) => t(`campaigns.blockKinds.${k}`);
  return (
    <Form.List name="blocks">
      {(fields, { add, remove, move }) => (
        <>
          {fields.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('campaigns.noBlocks')} /> : null}
          {fields.map((f, i) => {
            const kind = form.getFieldValue(['blocks', f.name, 'kind']) as BlockKind;
            const n = i + 1;
            return (
              <Card
                key={f.key}
                size="small"
                style={{ marginBottom: 12 }}
                title={t('campaigns.blockN', { n, kind: kindLabel(kind) })}
                extra={
                  disabled ? null : (
                    <Space size={0}>
                      <Button size="small" type="text" icon={<ArrowUpOutlined />} aria-label={`${t('campaigns.moveUp')} ${n}`} title={t('campaigns.moveUp')} disabled={i === 0} onClick={() => move(i, i - 1)} />
                      <Button size="small" type="text" icon={<ArrowDownOutlined />} aria-label={`${t('campaigns.moveDown')} ${n}`} title={t('campaigns.moveDown')} disabled={i === fields.length - 1} onClick={() => move(i, i + 1)} />
                      <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('campaigns.removeBlock', { n })} title={t('common.remove')} onClick={() => remove(f.name)} />
                    </Space>
                  )
                }
              >
                <Form.Item name={[f.name, 'kind']} hidden><Input /></Form.Item>
                {kind === 'banner' ? (
                  <>
                    <Pair name={[f.name, 'titleZh', 'titleEn']} zh={t('campaigns.titleZh')} en={t('campaigns.titleEn')} required max={120} />
                    <Pair name={[f.name, 'subtitleZh', 'subtitleEn']} zh={t('campaigns.subtitleZh')} en={t('campaigns.subtitleEn')} max={200} />
                    <Form.Item name={[f.name, 'imageId']} label={t('campaigns.image')}><ImageIdField disabled={disabled} /></Form.Item>
                  </>
                ) : null}
                {kind === 'text' ? (
                  <>
                    <Pair name={[f.name, 'bodyZh', 'bodyEn']} zh={t('campaigns.bodyZh')} en={t('campaigns.bodyEn')} required max={5000} area />
                    <Typography.Text type="secondary">{t('campaigns.bodyHelp')}</Typography.Text>
                  </>
                ) : null}
                {kind === 'products' || kind === 'coupons' || kind === 'countdown' ? (
                  <Pair name={[f.name, 'titleZh', 'titleEn']} zh={t('campaigns.titleZh')} en={t('campaigns.titleEn')} max={120} />
                ) : null}
                {kind === 'products' ? (
                  <Form.Item name={[f.name, 'productIds']} label={t('campaigns.products')} extra={t('campaigns.productsHelp')} rules={[{ required: true, type: 'array', min: 1, message: t('form.required') }]}>
                    <ProductPicker disabled={disabled} />
                  </Form.Item>
                ) : null}
                {kind === 'coupons' ? (
                  <Form.Item name={[f.name, 'templateIds']} label={t('campaigns.coupons')} extra={t('campaigns.couponsHelp')} rules={[{ required: true, type: 'array', min: 1, message: t('form.required') }]}>
                    <Select mode="multiple" maxCount={12} showSearch={{ optionFilterProp: 'label' }} options={templates} />
                  </Form.Item>
                ) : null}
                {kind === 'countdown' ? <Typography.Text type="secondary">{t('campaigns.countdownHelp')}</Typography.Text> : null}
              </Card>
            );
          })}
          {disabled || fields.length >= MAX_BLOCKS ? null : (
            <Flex gap={8} wrap align="center">
              <Typography.Text>{t('campaigns.addBlock')}:</Typography.Text>
              {BLOCK_KINDS.map((k) => (
                <Button key={k} icon={<PlusOutlined />} onClick={() => add(emptyBlock(k))}>{kindLabel(k)}</Button>
              ))}
            </Flex>
          )}
        </>
      )}
    </Form.List>
  );
}
