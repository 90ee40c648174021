import { useEffect } from 'react';
import { Button, Card, Col, Form, Input, InputNumber, Row, Select, Space, Switch, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { useLoad } from '../../app/hooks';
import { useSession } from '../../app/session';
import { ErrorState } from '../../components/ErrorState';
import { useFeedback } from '../../components/feedback';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import type { CouponTemplate, MemberProgram, PointsPolicy } from '../../types';
import { pick } from '../../i18n';
import { fen, yuan } from './money-fields';

interface PolicyValues {
  enabled: boolean;
  earnPerYuan: number;
  pointsPerUnit: number;
  unitYuan: number;
  maxSharePercent: number;
  checkIn: number;
  expiryKind: 'endOfFollowingYear' | 'afterDays' | 'never';
  expiryDays?: number;
}
interface TierValues {
  code: string;
  nameZh: string;
  nameEn: string;
  threshold: number;
  keep: number;
  multiplier: number;
  freeShipping: boolean;
  memberDayPercentOff: number;
  birthdayPoints: number;
  birthdayCouponTemplateId: string | null;
  upgradePoints: number;
  upgradeCouponTemplateId: string | null;
}
interface ProgramValues { enabled: boolean; growthPerYuan: number; memberDay: number | null; tiers: TierValues[] }

const policyValues = (p: PointsPolicy): PolicyValues => ({
  enabled: p.enabled, earnPerYuan: p.earnPerYuan, pointsPerUnit: p.pointsPerUnit, unitYuan: yuan(p.unitValue) ?? 1, maxSharePercent: p.maxShareBps / 100, checkIn: p.checkIn,
  expiryKind: p.expiry.kind as PolicyValues['expiryKind'], expiryDays: p.expiry.days,
});
const programValues = (p: MemberProgram): ProgramValues => ({
  enabled: p.enabled, growthPerYuan: p.growthPerYuan, memberDay: p.memberDay,
  tiers: p.tiers.map((x) => ({
    code: x.code, nameZh: x.name['zh-CN'], nameEn: x.name.en, threshold: x.threshold, keep: x.keep, multiplier: x.benefits.pointsMultiplierBps / 10_000,
    freeShipping: x.benefits.freeShipping, memberDayPercentOff: x.benefits.memberDayPercentOff, birthdayPoints: x.benefits.birthdayPoints, birthdayCouponTemplateId: x.benefits.birthdayCouponTemplateId,
    upgradePoints: x.benefits.upgradePoints ?? 0, upgradeCouponTemplateId: x.benefits.upgradeCouponTemplateId ?? null,
  })),
});

/** 会员与积分: the points policy and the membership programme (tiers, thresholds, keep rules, benefits). */
export default function LoyaltyScreen() {
  const { t } = useTranslation();
  const { can } = useSession();
  const feedback = useFeedback();
  const policy = useLoad(() => api.get<PointsPolicy>('/points/policy'), []);
  const program = useLoad(() => api.get<MemberProgram>('/membership/program'), []);
  // Coupons a tier may give (birthday, upgrade): the active templates.
  const templates = useLoad(() => api.get<{ items: CouponTemplate[] }>('/coupon-templates').then((r) => r.items.filter((x) => x.status === 'active')), []);
  const couponOptions = [{ value: '', label: t('loyaltySettings.noCoupon') }, ...(templates.data ?? []).map((x) => ({ value: x.id, label: `${pick(x.name)} · ${pick(x.description)}` }))];
  const [policyForm] = Form.useForm<PolicyValues>();
  const [programForm] = Form.useForm<ProgramValues>();
  const expiryKind = Form.useWatch('expiryKind', policyForm);
  const writable = can('marketing.manage');
  useEffect(() => { if (policy.data) policyForm.setFieldsValue(policyValues(policy.data)); }, [policy.data, policyForm]);
  useEffect(() => { if (program.data) programForm.setFieldsValue(programValues(program.data)); }, [program.data, programForm]);

  const savePolicy = async (v: PolicyValues) => {
    try {
      await api.put('/points/policy', {
        enabled: v.enabled, earnPerYuan: v.earnPerYuan, pointsPerUnit: v.pointsPerUnit, unitValue: fen(v.unitYuan), maxShareBps: Math.round(v.maxSharePercent * 100), checkIn: v.checkIn,
        expiry: v.expiryKind === 'afterDays' ? { kind: 'afterDays', days: v.expiryDays } : { kind: v.expiryKind },
      });
      feedback.ok(t('common.savedOk'));
      policy.reload();
    } catch (err) {
      feedback.fail(err);
    }
  };
  const saveProgram = async (v: ProgramValues) => {
    try {
      await api.put('/membership/program', {
        enabled: v.enabled, growthPerYuan: v.growthPerYuan, memberDay: v.memberDay ?? null,
        tiers: v.tiers.map((x) => ({
          code: x.code.trim(), name: { 'zh-CN': x.nameZh.trim(), en: x.nameEn.trim() }, threshold: x.threshold, keep: x.keep,
          benefits: { pointsMultiplierBps: Math.round(x.multiplier * 10_000), freeShipping: Boolean(x.freeShipping), memberDayPercentOff: x.memberDayPercentOff ?? 0, birthdayPoints: x.birthdayPoints ?? 0, birthdayCouponTemplateId: x.birthdayCouponTemplateId || null,
            upgradePoints: x.upgradePoints ?? 0, upgradeCouponTemplateId: x.upgradeCouponTemplateId || null },
        })),
      });
      feedback.ok(t('common.savedOk'));
      program.reload();
    } catch (err) {
      feedback.fail(err);
    }
  };

  if (policy.error) return <ErrorState error={policy.error} onRetry={policy.reload} />;
  if (program.error) return <ErrorState error={program.error} onRetry={program.reload} />;
  if (!policy.data || !program.data) return <Loading />;
  return (
    <>
      <PageHeader title={t('loyaltySettings.title')} sub={t('loyaltySettings.subtitle')} />
      <Card title={t('loyaltySettings.points')} style={{ marginBottom: 16 }}>
        <Form form={policyForm} layout="vertical" onFinish={savePolicy} disabled={!writable}>
          <Row gutter={16}>
            <Col xs={24} md={6}><Form.Item name="enabled" label={t('loyaltySettings.enabled')} valuePropName="checked"><Switch /></Form.Item></Col>
            <Col xs={24} md={6}><Form.Item name="earnPerYuan" label={t('loyaltySettings.earnPerYuan')} rules={[{ required: true }]}><InputNumber min={0} max={100} style={{ width: '100%' }} /></Form.Item></Col>
            <Col xs={24} md={6}><Form.Item name="pointsPerUnit" label={t('loyaltySettings.pointsPerUnit')} rules={[{ required: true }]}><InputNumber min={1} max={100_000} style={{ width: '100%' }} /></Form.Item></Col>
            <Col xs={24} md={6}><Form.Item name="unitYuan" label={t('loyaltySettings.unitValue')} rules={[{ required: true }]}><InputNumber min={0.01} max={1000} precision={2} addonBefore="¥" style={{ width: '100%' }} /></Form.Item></Col>
            <Col xs={24} md={6}><Form.Item name="maxSharePercent" label={t('loyaltySettings.maxShare')} rules={[{ required: true }]}><InputNumber min={0} max={100} addonAfter="%" style={{ width: '100%' }} /></Form.Item></Col>
            <Col xs={24} md={6}><Form.Item name="checkIn" label={t('loyaltySettings.checkIn')} rules={[{ required: true }]}><InputNumber min={0} max={10_000} style={{ width: '100%' }} /></Form.Item></Col>
            <Col xs={24} md={6}>
              <Form.Item name="expiryKind" label={t('loyaltySettings.expiry')}>
                <Select options={(['endOfFollowingYear', 'afterDays', 'never'] as const).map((k) => ({ value: k, label: t(`loyaltySettings.expiryKinds.${k}`) }))} />
              </Form.Item>
            </Col>
            {expiryKind === 'afterDays' ? <Col xs={24} md={6}><Form.Item name="expiryDays" label={t('loyaltySettings.expiryDays')} rules={[{ required: true }]}><InputNumber min={1} max={3650} style={{ width: '100%' }} /></Form.Item></Col> : null}
          </Row>
          {writable ? <Button type="primary" htmlType="submit">{t('common.save')}</Button> : null}
        </Form>
      </Card>
      <Card title={t('loyaltySettings.tiers')}>
        <Typography.Paragraph type="secondary">{t('loyaltySettings.tiersHint')}</Typography.Paragraph>
        <Form form={programForm} layout="vertical" onFinish={saveProgram} disabled={!writable}>
          <Row gutter={16}>
            <Col xs={24} md={6}><Form.Item name="enabled" label={t('loyaltySettings.enabled')} valuePropName="checked"><Switch /></Form.Item></Col>
            <Col xs={24} md={6}><Form.Item name="growthPerYuan" label={t('loyaltySettings.growthPerYuan')} rules={[{ required: true }]}><InputNumber min={0} max={100} style={{ width: '100%' }} /></Form.Item></Col>
            <Col xs={24} md={6}><Form.Item name="memberDay" label={t('loyaltySettings.memberDay')}><InputNumber min={1} max={28} placeholder={t('loyaltySettings.none')} style={{ width: '100%' }} /></Form.Item></Col>
          </Row>
          <Form.List name="tiers">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f, i) => (
                  <Card key={f.key} size="small" style={{ marginBottom: 12 }} title={t('loyaltySettings.tierN', { n: i + 1 })} extra={writable && fields.length > 1 ? <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('common.remove')} onClick={() => remove(f.name)} /> : null}>
                    <Row gutter={12}>
                      <Col xs={12} md={4}><Form.Item name={[f.name, 'code']} label={t('loyaltySettings.code')} rules={[{ required: true }, { pattern: /^[a-z][a-z0-9-]{0,31}$/, message: t('form.slug') }]}><Input /></Form.Item></Col>
                      <Col xs={12} md={5}><Form.Item name={[f.name, 'nameZh']} label={t('loyaltySettings.nameZh')} rules={[{ required: true }, { max: 20 }]}><Input /></Form.Item></Col>
                      <Col xs={12} md={5}><Form.Item name={[f.name, 'nameEn']} label={t('loyaltySettings.nameEn')} rules={[{ required: true }, { max: 40 }]}><Input /></Form.Item></Col>
                      <Col xs={12} md={5}><Form.Item name={[f.name, 'threshold']} label={t('loyaltySettings.threshold')} rules={[{ required: true }]}><InputNumber min={0} max={100_000_000} style={{ width: '100%' }} /></Form.Item></Col>
                      <Col xs={12} md={5}><Form.Item name={[f.name, 'keep']} label={t('loyaltySettings.keep')} rules={[{ required: true }]}><InputNumber min={0} max={100_000_000} style={{ width: '100%' }} /></Form.Item></Col>
                      <Col xs={12} md={4}><Form.Item name={[f.name, 'multiplier']} label={t('loyaltySettings.multiplier')} rules={[{ required: true }]}><InputNumber min={1} max={10} step={0.1} addonAfter="×" style={{ width: '100%' }} /></Form.Item></Col>
                      <Col xs={12} md={5}><Form.Item name={[f.name, 'memberDayPercentOff']} label={t('loyaltySettings.memberDayOff')}><InputNumber min={0} max={50} addonAfter="%" style={{ width: '100%' }} /></Form.Item></Col>
                      <Col xs={12} md={5}><Form.Item name={[f.name, 'birthdayPoints']} label={t('loyaltySettings.birthdayPoints')}><InputNumber min={0} max={100_000} style={{ width: '100%' }} /></Form.Item></Col>
                      <Col xs={12} md={5}><Form.Item name={[f.name, 'birthdayCouponTemplateId']} label={t('loyaltySettings.birthdayCoupon')}><Select options={couponOptions} /></Form.Item></Col>
                      <Col xs={12} md={5}><Form.Item name={[f.name, 'freeShipping']} label={t('loyaltySettings.freeShipping')} valuePropName="checked"><Switch /></Form.Item></Col>
                      <Col xs={12} md={5}><Form.Item name={[f.name, 'upgradePoints']} label={t('loyaltySettings.upgradePoints')}><InputNumber min={0} max={100_000} style={{ width: '100%' }} /></Form.Item></Col>
                      <Col xs={12} md={5}><Form.Item name={[f.name, 'upgradeCouponTemplateId']} label={t('loyaltySettings.upgradeCoupon')}><Select options={couponOptions} /></Form.Item></Col>
                    </Row>
                  </Card>
                ))}
                {writable && fields.length < 10 ? (
                  <Space style={{ marginBottom: 16 }}>
                    <Button icon={<PlusOutlined />} onClick={() => add({ code: '', nameZh: '', nameEn: '', threshold: 0, keep: 0, multiplier: 1, freeShipping: false, memberDayPercentOff: 0, birthdayPoints: 0, birthdayCouponTemplateId: null, upgradePoints: 0, upgradeCouponTemplateId: null })}>{t('loyaltySettings.addTier')}</Button>
                  </Space>
                ) : null}
              </>
            )}
          </Form.List>
          <div>{writable ? <Button type="primary" htmlType="submit">{t('common.save')}</Button> : null}</div>
        </Form>
      </Card>
    </>
  );
}
