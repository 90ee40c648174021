import { Button, Card, Flex, Form, Input } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

const CODE = /^[A-Za-z0-9_-]{1,40}$/;

/** Options (colour, size…) and their values; variants pick one value of each. */
export function OptionsField() {
  const { t } = useTranslation();
  const codeRules = [{ required: true, message: t('form.required') }, { pattern: CODE, message: t('form.code') }];
  return (
    <Form.List name="options">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field) => (
            <Card key={field.key} size="small" style={{ marginBottom: 8 }}
              extra={<Button type="text" size="small" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('common.remove')} />}
              title={
                <Flex gap={4} style={{ width: '100%' }}>
                  <Form.Item name={[field.name, 'code']} rules={codeRules} noStyle><Input size="small" placeholder={t('products.optionCode')} style={{ width: 96, flex: 'none' }} /></Form.Item>
                  <Form.Item name={[field.name, 'nameZh']} rules={[{ required: true, message: t('form.required') }]} noStyle><Input size="small" placeholder={t('products.nameZh')} style={{ flex: 1, minWidth: 0 }} /></Form.Item>
                  <Form.Item name={[field.name, 'nameEn']} rules={[{ required: true, message: t('form.required') }]} noStyle><Input size="small" placeholder={t('products.nameEn')} style={{ flex: 1, minWidth: 0 }} /></Form.Item>
                </Flex>
              }
            >
              <Form.List name={[field.name, 'values']}>
                {(values, ops) => (
                  <>
                    {values.map((v) => (
                      <Flex key={v.key} gap={4} style={{ marginBottom: 4 }}>
                        <Form.Item name={[v.name, 'code']} rules={codeRules} noStyle><Input size="small" placeholder={t('products.valueCode')} style={{ width: 96, flex: 'none' }} /></Form.Item>
                        <Form.Item name={[v.name, 'nameZh']} rules={[{ required: true }]} noStyle><Input size="small" placeholder={t('products.nameZh')} style={{ flex: 1, minWidth: 0 }} /></Form.Item>
                        <Form.Item name={[v.name, 'nameEn']} rules={[{ required: true }]} noStyle><Input size="small" placeholder={t('products.nameEn')} style={{ flex: 1, minWidth: 0 }} /></Form.Item>
                        <Button type="text" size="small" icon={<DeleteOutlined />} onClick={() => ops.remove(v.name)} aria-label={t('common.remove')} />
                      </Flex>
                    ))}
                    <Button size="small" type="link" icon={<PlusOutlined />} onClick={() => ops.add({ code: '', nameZh: '', nameEn: '' })}>{t('products.addValue')}</Button>
                  </>
                )}
              </Form.List>
            </Card>
          ))}
          <Button type="dashed" block icon={<PlusOutlined />} disabled={fields.length >= 5} onClick={() => add({ code: '', nameZh: '', nameEn: '', values: [{ code: '', nameZh: '', nameEn: '' }] })}>
            {t('products.addOption')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
