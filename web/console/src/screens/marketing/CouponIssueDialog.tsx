import { useEffect, useState } from 'react';
import { Alert, Form, Input, Modal, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { newIdempotencyKey } from '../../app/idempotency-key';
import { pick } from '../../i18n';
import { useFeedback } from '../../components/feedback';
import type { CouponTemplate, MemberProgram } from '../../types';

interface Values {
  how: 'contacts' | 'tier';
  contacts?: string;
  tier?: string;
}

/** 定向发券: one coupon to each customer named by mobile or email, or to every member of a tier; one Idempotency-Key per dialog. */
export function CouponIssueDialog({ template, onClose }: { template: CouponTemplate | null; onClose: (issued: boolean) => void }) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const [form] = Form.useForm<Values>();
  const how = Form.useWatch('how', form);
  const [key, setKey] = useState('');
  const [busy, setBusy] = useState(false);
  const [tiers, setTiers] = useState<MemberProgram['tiers']>([]);

  useEffect(() => {
    if (!template) return;
    setKey(newIdempotencyKey());
    form.setFieldsValue({ how: 'contacts', contacts: '', tier: undefined });
    api.get<MemberProgram>('/membership/program').then((p) => setTiers(p.tiers), () => setTiers([]));
  }, [template, form]);

  const submit = async (v: Values) => {
    const contacts = (v.contacts ?? '').split(/[\s,;，；]+/).map((c) => c.trim()).filter(Boolean);
    if (v.how === 'contacts' && contacts.length === 0) return feedback.fail(new Error(t('coupons.issueNone')));
    setBusy(true);
    try {
      const body = v.how === 'tier' ? { tier: v.tier } : { contacts };
      const res = await api.post<{ issued: number; skipped: Array<{ who: string }> }>(`/coupon-templates/${template!.id}/issue`, body, { 'idempotency-key': key });
      feedback.ok(
        res.skipped.length
          ? t('coupons.issuedSkipped', { issued: res.issued, skipped: res.skipped.length, who: res.skipped.slice(0, 5).map((s) => s.who).join(', ') })
          : t('coupons.issued', { issued: res.issued }),
      );
      onClose(true);
    } catch (err) {
      feedback.fail(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={template !== null}
      title={template ? t('coupons.issueTitle', { name: pick(template.name) }) : ''}
      onCancel={() => onClose(false)}
      onOk={() => form.submit()}
      okText={t('coupons.issue')}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Alert type="info" showIcon message={t('coupons.issueNote')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="how" label={t('coupons.issueHow')}>
          <Radio.Group options={[{ value: 'contacts', label: t('coupons.issueContacts') }, { value: 'tier', label: t('coupons.issueTier') }]} />
        </Form.Item>
        {how === 'tier' ? (
          <Form.Item name="tier" label={t('coupons.issueTierLabel')} rules={[{ required: true, message: t('form.required') }]}>
            <Select options={tiers.map((x) => ({ value: x.code, label: pick(x.name) }))} />
          </Form.Item>
        ) : (
          <Form.Item name="contacts" label={t('coupons.issueContactsLabel')} rules={[{ required: true, message: t('form.required') }]}>
            <Input.TextArea rows={6} placeholder={'13800138000\nshopper@example.com'} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
