import { useState } from 'react';
import { Button, Flex, Form, Image, Input, InputNumber, Typography, Upload } from 'antd';
import { DeleteOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { useNarrow } from '../../app/responsive';
import { useFeedback } from '../../components/feedback';
import { thumbnailUrl } from '../../../../../src/modules/media/renditions';

/** The upload answer (uploadMedia): the asset's URL and intrinsic size. */
interface MediaAsset {
  id: string;
  url: string;
  width: number;
  height: number;
}

const ACCEPT = 'image/jpeg,image/png,image/webp,image/avif,image/gif';

/**
 * Images are URLs: an uploaded file (stored by the media module, served with renditions so the
 * storefront can offer srcset) or a link elsewhere. The API wants each image's size; an upload
 * answers with it, and for a link the browser measures it when the URL is entered — staff can
 * correct either.
 */
export function ImagesField() {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const feedback = useFeedback();
  const [uploading, setUploading] = useState(0);
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
  const narrow = useNarrow();
  const named = (what: string, index: number) => t('products.imageField', { what, n: index + 1 });
  const measure = (index: number, url: string) => {
    if (!url) return;
    const img = new window.Image();
    img.onload = () => {
      if (img.naturalWidth && img.naturalHeight) {
        form.setFieldValue(['images', index, 'width'], img.naturalWidth);
        form.setFieldValue(['images', index, 'height'], img.naturalHeight);
      }
    };
    img.src = url;
  };
  return (
    <Form.List name="images">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field) => (
            <Flex key={field.key} gap={8} align="start" style={{ marginBottom: 12 }}>
              <Form.Item noStyle shouldUpdate>
                {() => {
                  const url = form.getFieldValue(['images', field.name, 'url']) as string | undefined;
                  return url ? <Image src={thumbnailUrl(url, 56) ?? url} preview={{ src: url }} alt={named(t('products.imagePreview'), field.name)} width={56} height={56} style={{ objectFit: 'cover', borderRadius: 4 }} /> : <div style={{ width: 56, height: 56, background: '#f5f5f5', borderRadius: 4 }} />;
                }}
              </Form.Item>
              <Flex vertical gap={4} style={{ flex: 1, minWidth: 0 }}>
                <Form.Item name={[field.name, 'url']} rules={[{ required: true, message: t('form.required') }]} style={{ marginBottom: 0 }}>
                  <Input size="small" placeholder="https://…" aria-label={named('URL', field.name)} onBlur={(e) => measure(field.name, e.target.value)} />
                </Form.Item>
                {/* On a phone the two alt texts take a line each under the size. */}
                <Flex gap={4} align="center" wrap={narrow}>
                  <Form.Item name={[field.name, 'width']} noStyle rules={[{ required: true }]}><InputNumber min={1} max={10000} size="small" placeholder="w" aria-label={named(t('products.imageWidth'), field.name)} style={{ width: 72, flex: 'none' }} /></Form.Item>
                  <Typography.Text type="secondary">×</Typography.Text>
                  <Form.Item name={[field.name, 'height']} noStyle rules={[{ required: true }]}><InputNumber min={1} max={10000} size="small" placeholder="h" aria-label={named(t('products.imageHeight'), field.name)} style={{ width: 72, flex: 'none' }} /></Form.Item>
                  <Form.Item name={[field.name, 'altZh']} noStyle><Input size="small" placeholder={t('products.altZh')} aria-label={named(t('products.altZh'), field.name)} style={{ flex: narrow ? '1 1 100%' : 1, minWidth: 0 }} /></Form.Item>
                  <Form.Item name={[field.name, 'altEn']} noStyle><Input size="small" placeholder={t('products.altEn')} aria-label={named(t('products.altEn'), field.name)} style={{ flex: narrow ? '1 1 100%' : 1, minWidth: 0 }} /></Form.Item>
                </Flex>
              </Flex>
              <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={named(t('common.remove'), field.name)} />
            </Flex>
          ))}
          <Flex gap={8}>
            <Upload accept={ACCEPT} multiple showUploadList={false} disabled={fields.length >= 20} beforeUpload={(file) => { void upload(file, add); return false; }}>
              <Button icon={<UploadOutlined />} loading={uploading > 0} disabled={fields.length >= 20}>
                {uploading > 0 ? t('products.uploadingImage') : t('products.uploadImage')}
              </Button>
            </Upload>
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ url: '', width: 800, height: 800 })} disabled={fields.length >= 20} style={{ flex: 1 }}>
              {t('products.addImage')}
            </Button>
          </Flex>
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>{t('products.uploadImageHelp')}</Typography.Text>
        </>
      )}
    </Form.List>
  );
}
