import { useEffect, useState } from 'react';
import { Button, Card, Col, Flex, Form, Image, Input, Row, Segmented, Typography, Upload } from 'antd';
import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { useFeedback } from '../../components/feedback';
import type { StoreSettings, StoreSettingsPatch } from '../../types';
import { thumbnailUrl } from '../../../../../src/web-contract';
import { isSafeLink } from '../../../../../src/web-contract';
import { bannerPatch, type BannerValues, LOCALES, type Locale } from './home-banner-form';

type BannerImage = StoreSettings['homeBanner']['en']['image'];
const ACCEPT = 'image/jpeg,image/png,image/webp,image/avif,image/gif';

/** The picture of one language's banner: upload (media module), preview, remove. */
function BannerImageField({ value, onChange, label }: { value?: BannerImage; onChange?: (v: BannerImage) => void; label: string }) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const [uploading, setUploading] = useState(false);
  const upload = async (file: File) => {
    setUploading(true);
    try {
      const asset = await api.postFile<NonNullable<BannerImage>>('/media', file);
      onChange?.({ id: asset.id, url: asset.url, width: asset.width, height: asset.height });
    } catch (error) {
      feedback.fail(error);
    } finally {
      setUploading(false);
    }
  };
  return (
    <Flex gap={12} align="center" wrap>
      {value ? (
        <Image src={thumbnailUrl(value.url, 240) ?? value.url} preview={{ src: value.url }} alt={label} width={240} height={80} style={{ objectFit: 'cover', borderRadius: 4 }} />
      ) : (
        <Typography.Text type="secondary">{t('settings.banner.noImage')}</Typography.Text>
      )}
      <Upload accept={ACCEPT} showUploadList={false} beforeUpload={(file) => { void upload(file); return false; }}>
        <Button icon={<UploadOutlined />} loading={uploading}>{value ? t('settings.banner.replaceImage') : t('settings.banner.uploadImage')}</Button>
      </Upload>
      {value ? <Button icon={<DeleteOutlined />} onClick={() => onChange?.(null)}>{t('settings.banner.removeImage')}</Button> : null}
    </Flex>
  );
}

/**
 * The storefront home page's banner, per language (adminUpdateSettings `homeBanner`): only the
 * fields that changed are sent; the storefront shows a saved change at once (its page cache is
 * dropped with the settings).
 */
export function HomeBannerForm({ current, onSaved }: { current: StoreSettings; onSaved: (s: StoreSettings) => void }) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const [form] = Form.useForm<BannerValues>();
  const [locale, setLocale] = useState<Locale>('zh-CN');
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    form.setFieldsValue(Object.fromEntries(LOCALES.map((l) => [l, { ...current.homeBanner[l], link: current.homeBanner[l].link ?? '' }])) as BannerValues);
  }, [current, form]);

  const save = async () => {
    let values: BannerValues;
    try {
      values = await form.validateFields({ recursive: true });
    } catch {
      // The other language's fields may be the wrong ones: show the first language with an error.
      const wrong = LOCALES.find((l) => form.getFieldsError().some((f) => f.name[0] === l && f.errors.length));
      if (wrong) setLocale(wrong);
      return;
    }
    const patch = bannerPatch(current.homeBanner, values);
    if (!patch) {
      feedback.ok(t('settings.nothingChanged'));
      return;
    }
    setSaving(true);
    try {
      onSaved(await api.patch<StoreSettings>('/settings', { homeBanner: patch } satisfies StoreSettingsPatch));
      feedback.ok(t('common.savedOk'));
    } catch (err) {
      feedback.fail(err);
    } finally {
      setSaving(false);
    }
  };

  const storefront = locale === 'en' ? '/en/' : '/';
  return (
    <Card title={t('settings.banner.title')} style={{ marginTop: 16 }}>
      <Typography.Paragraph type="secondary">{t('settings.banner.help')}</Typography.Paragraph>
      <Segmented<Locale>
        value={locale}
        onChange={setLocale}
        options={[{ value: 'zh-CN', label: t('settings.banner.zh') }, { value: 'en', label: t('settings.banner.en') }]}
        style={{ marginBottom: 16 }}
      />
      <Form form={form} layout="vertical" onFinish={save} style={{ maxWidth: 720 }}>
        {LOCALES.map((l) => (
          // Both languages stay mounted (their values and errors are kept); one is shown.
          <div key={l} hidden={l !== locale}>
            <Form.Item name={[l, 'image']} label={t('settings.banner.image')} extra={t('settings.banner.imageHelp')}>
              <BannerImageField label={t('settings.banner.image')} />
            </Form.Item>
            <Row gutter={16}>
              <Col xs={24} sm={12}>
                <Form.Item name={[l, 'title']} label={t('settings.banner.heading')} rules={[{ required: true, whitespace: true, message: t('form.required') }, { max: 60 }]}>
                  <Input maxLength={60} showCount />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item name={[l, 'subtitle']} label={t('settings.banner.subtitle')} rules={[{ max: 140 }]}>
                  <Input maxLength={140} />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item
              name={[l, 'link']}
              label={t('settings.banner.link')}
              extra={t('settings.banner.linkHelp')}
              rules={[{ validator: async (_, v: string) => { if (v && v.trim() && !isSafeLink(v.trim())) throw new Error(t('settings.banner.linkInvalid')); } }]}
            >
              <Input placeholder={l === 'en' ? '/en/c/…' : '/c/…'} maxLength={500} />
            </Form.Item>
          </div>
        ))}
        <Flex gap={12} align="center" wrap>
          <Button type="primary" htmlType="submit" loading={saving}>{t('common.save')}</Button>
          <Typography.Link href={storefront} target="_blank" rel="noopener">{t('settings.banner.view')}</Typography.Link>
        </Flex>
      </Form>
    </Card>
  );
}
