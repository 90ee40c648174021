import { useState } from 'react';
import { Button, Flex, Form, Image, Input, Typography, Upload } from 'antd';
import { ArrowLeftOutlined, ArrowRightOutlined, DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { useFeedback } from '../../components/feedback';
import { thumbnailUrl } from '../../../../../src/web-contract';

/** The upload answer (uploadMedia): the asset's URL and intrinsic size. */
interface MediaAsset {
  id: string;
  url: string;
  width: number;
  height: number;
}

const ACCEPT = 'image/jpeg,image/png,image/webp,image/avif,image/gif';

/**
 * Images as thumbnails, uploaded from disk to the media module (which answers with the size the API
 * wants, and serves renditions for the storefront's srcset). The first is the product's main image;
 * the order changes by dragging a thumbnail or, from the keyboard, with its move buttons. Each
 * image keeps its alt text in both languages.
 */
export function ImagesField() {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const [uploading, setUploading] = useState(0);
  const [dragging, setDragging] = useState<number | null>(null);
  const upload = async (file: File, add: (row: object) => void) => {
    setUploading((n) => n + 1);
    try {
      const asset = await api.postFile<MediaAsset>('/media', file);
      add({ url: asset.url, width: asset.width, height: asset.height });
    } catch (error) {
      feedback.fail(error);
    } finally {
      setUploading((n) => n - 1);
    }
  };
  const named = (what: string, index: number) => t('products.imageField', { what, n: index + 1 });
  return (
    <Form.List name="images">
      {(fields, { add, remove, move }) => (
        <>
          <Flex wrap gap={12} role="list" aria-label={t('products.images')} style={{ marginBottom: 12 }}>
            {fields.map((field, index) => (
              <div
                key={field.key}
                role="listitem"
                draggable
                onDragStart={(e) => { setDragging(index); e.dataTransfer.effectAllowed = 'move'; }}
                onDragOver={(e) => { if (dragging !== null) e.preventDefault(); }}
                onDrop={(e) => { e.preventDefault(); if (dragging !== null && dragging !== index) move(dragging, index); setDragging(null); }}
                onDragEnd={() => setDragging(null)}
                style={{ width: 132, padding: 6, border: `1px ${dragging === index ? 'dashed #1677ff' : 'solid #f0f0f0'}`, borderRadius: 6, cursor: 'grab', background: '#fff' }}
              >
                <Form.Item noStyle shouldUpdate>
                  {({ getFieldValue }) => {
                    const url = getFieldValue(['images', field.name, 'url']) as string | undefined;
                    return url ? (
                      <Image src={thumbnailUrl(url, 120) ?? url} preview={{ src: url }} alt={named(t('products.imagePreview'), index)} width={120} height={120} style={{ objectFit: 'cover', borderRadius: 4 }} />
                    ) : null;
                  }}
                </Form.Item>
                {index === 0 ? <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>{t('products.mainImage')}</Typography.Text> : null}
                <Form.Item name={[field.name, 'altZh']} noStyle><Input size="small" placeholder={t('products.altZh')} aria-label={named(t('products.altZh'), index)} style={{ marginTop: 4 }} /></Form.Item>
                <Form.Item name={[field.name, 'altEn']} noStyle><Input size="small" placeholder={t('products.altEn')} aria-label={named(t('products.altEn'), index)} style={{ marginTop: 4 }} /></Form.Item>
                <Flex justify="space-between" style={{ marginTop: 4 }}>
                  <Button size="small" type="text" icon={<ArrowLeftOutlined />} disabled={index === 0} onClick={() => move(index, index - 1)} aria-label={named(t('products.moveEarlier'), index)} />
                  <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={named(t('common.remove'), index)} />
                  <Button size="small" type="text" icon={<ArrowRightOutlined />} disabled={index === fields.length - 1} onClick={() => move(index, index + 1)} aria-label={named(t('products.moveLater'), index)} />
                </Flex>
              </div>
            ))}
          </Flex>
          <Upload accept={ACCEPT} multiple showUploadList={false} disabled={fields.length >= 20} beforeUpload={(file) => { void upload(file, add); return false; }}>
            <Button icon={<UploadOutlined />} loading={uploading > 0} disabled={fields.length >= 20}>
              {uploading > 0 ? t('products.uploadingImage') : t('products.uploadImage')}
            </Button>
          </Upload>
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>{t('products.uploadImageHelp')} {t('products.reorderHelp')}</Typography.Text>
        </>
      )}
    </Form.List>
  );
}
