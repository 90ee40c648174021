import { Button, Flex, Form, Image, Input, InputNumber, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

/**
 * Images are URLs (the store keeps no files). The API wants each image's size; the browser
 * measures it when the URL is entered, and staff can correct it.
 */
export function ImagesField() {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
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
                  return url ? <Image src={url} width={56} height={56} style={{ objectFit: 'cover', borderRadius: 4 }} /> : <div style={{ width: 56, height: 56, background: '#f5f5f5', borderRadius: 4 }} />;
                }}
              </Form.Item>
              <Flex vertical gap={4} style={{ flex: 1, minWidth: 0 }}>
                <Form.Item name={[field.name, 'url']} rules={[{ required: true, message: t('form.required') }]} style={{ marginBottom: 0 }}>
                  <Input size="small" placeholder="https://…" onBlur={(e) => measure(field.name, e.target.value)} />
                </Form.Item>
                <Flex gap={4} align="center">
                  <Form.Item name={[field.name, 'width']} noStyle rules={[{ required: true }]}><InputNumber min={1} max={10000} size="small" placeholder="w" style={{ width: 72, flex: 'none' }} /></Form.Item>
                  <Typography.Text type="secondary">×</Typography.Text>
                  <Form.Item name={[field.name, 'height']} noStyle rules={[{ required: true }]}><InputNumber min={1} max={10000} size="small" placeholder="h" style={{ width: 72, flex: 'none' }} /></Form.Item>
                  <Form.Item name={[field.name, 'altZh']} noStyle><Input size="small" placeholder={t('products.altZh')} style={{ flex: 1, minWidth: 0 }} /></Form.Item>
                  <Form.Item name={[field.name, 'altEn']} noStyle><Input size="small" placeholder={t('products.altEn')} style={{ flex: 1, minWidth: 0 }} /></Form.Item>
                </Flex>
              </Flex>
              <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('common.remove')} />
            </Flex>
          ))}
          <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ url: '', width: 800, height: 800 })} disabled={fields.length >= 20}>
            {t('products.addImage')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
