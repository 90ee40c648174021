import { useEffect, useMemo, useState } from 'react';
import { Button, Card, Col, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { SETTINGS_SAVED, useLoad } from '../../app/hooks';
import { ErrorState } from '../../components/ErrorState';
import { useFeedback } from '../../components/feedback';
import type { StoreSettings, StoreSettingsPatch } from '../../types';
import { Loading } from '../../components/Loading';
import { HomeBannerForm } from './HomeBannerForm';

interface Values { nameZh: string; nameEn: string; timezone: string; unpaidTimeoutMinutes: number; autoConfirmDays: number }

/** Name, time zone, unpaid timeout and auto-confirm days; only changed fields are sent. */
export function StoreSettingsForm() {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const { data, error, reload } = useLoad(() => api.get<StoreSettings>('/settings'), []);
  const [current, setCurrent] = useState<StoreSettings | undefined>();
  const zones = useMemo(() => (typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['Asia/Shanghai', 'UTC']), []);

  useEffect(() => {
    if (!data) return;
    setCurrent(data);
    form.setFieldsValue({ nameZh: data.name['zh-CN'], nameEn: data.name.en, timezone: data.timezone, unpaidTimeoutMinutes: data.unpaidTimeoutMinutes, autoConfirmDays: data.autoConfirmDays });
  }, [data, form]);

  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (!current) return <Loading padding={60} />;

  const save = async (v: Values) => {
    const patch: StoreSettingsPatch = {};
    if (v.nameZh.trim() !== current.name['zh-CN'] || v.nameEn.trim() !== current.name.en) patch.name = { 'zh-CN': v.nameZh.trim(), en: v.nameEn.trim() };
    if (v.timezone !== current.timezone) patch.timezone = v.timezone;
    if (v.unpaidTimeoutMinutes !== current.unpaidTimeoutMinutes) patch.unpaidTimeoutMinutes = v.unpaidTimeoutMinutes;
    if (v.autoConfirmDays !== current.autoConfirmDays) patch.autoConfirmDays = v.autoConfirmDays;
    if (!Object.keys(patch).length) {
      feedback.ok(t('settings.nothingChanged'));
      return;
    }
    setSaving(true);
    try {
      setCurrent(await api.patch<StoreSettings>('/settings', patch));
      window.dispatchEvent(new Event(SETTINGS_SAVED));
      feedback.ok(t('common.savedOk'));
    } catch (err) {
      feedback.fail(err);
    } finally {
      setSaving(false);
    }
  };

  const d = current.defaults;
  return (
    <>
    <Card>
      <Form form={form} layout="vertical" onFinish={save} style={{ maxWidth: 720 }}>
        <Row gutter={16}>
          <Col xs={24} sm={12}><Form.Item name="nameZh" label={t('settings.nameZh')} rules={[{ required: true, whitespace: true, message: t('form.required') }, { max: 60 }]}><Input /></Form.Item></Col>
          <Col xs={24} sm={12}><Form.Item name="nameEn" label={t('settings.nameEn')} rules={[{ required: true, whitespace: true, message: t('form.required') }, { max: 60 }]}><Input /></Form.Item></Col>
        </Row>
        <Form.Item name="timezone" label={t('settings.timezone')} extra={t('settings.timezoneHelp', { value: d.timezone })}>
          <Select showSearch options={zones.map((z) => ({ value: z, label: z }))} style={{ maxWidth: 320 }} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="unpaidTimeoutMinutes" label={t('settings.unpaidTimeout')} extra={t('settings.unpaidTimeoutHelp', { value: d.unpaidTimeoutMinutes })}>
              <InputNumber min={5} max={1440} precision={0} suffix={t('settings.minutes')} style={{ width: 180 }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="autoConfirmDays" label={t('settings.autoConfirm')} extra={t('settings.autoConfirmHelp', { value: d.autoConfirmDays })}>
              <InputNumber min={1} max={30} precision={0} suffix={t('settings.days')} style={{ width: 180 }} />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Paragraph type="secondary">{t('settings.currency', { currency: current.currency })}</Typography.Paragraph>
        <Button type="primary" htmlType="submit" loading={saving}>{t('common.save')}</Button>
      </Form>
    </Card>
    <HomeBannerForm current={current} onSaved={setCurrent} />
    </>
  );
}
