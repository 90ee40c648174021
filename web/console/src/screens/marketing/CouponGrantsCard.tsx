import { useEffect, useState } from 'react';
import { Button, Card, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { useLoad } from '../../app/hooks';
import { pick } from '../../i18n';
import { useFeedback } from '../../components/feedback';
import type { CouponTemplate } from '../../types';

/** 自动发券: the coupon every new account gets (tier-upgrade gifts live with the tiers). */
export function CouponGrantsCard({ templates, writable }: { templates: CouponTemplate[]; writable: boolean }) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const grants = useLoad(() => api.get<{ newCustomerTemplateId: string | null }>('/coupon-grants'), []);
  const [chosen, setChosen] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => setChosen(grants.data?.newCustomerTemplateId ?? null), [grants.data]);

  const save = async () => {
    setBusy(true);
    try {
      await api.put('/coupon-grants', { newCustomerTemplateId: chosen });
      feedback.ok(t('common.savedOk'));
      grants.reload();
    } catch (err) {
      feedback.fail(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('coupons.grants')} extra={<span className="muted">{t('coupons.grantsSub')}</span>} style={{ marginBottom: 16 }} loading={grants.loading}>
      <Space wrap>
        <span id="new-customer-coupon">{t('coupons.grantsNewCustomer')}</span>
        <Select
          aria-labelledby="new-customer-coupon"
          style={{ minWidth: 260 }}
          value={chosen ?? ''}
          disabled={!writable}
          onChange={(v) => setChosen(v || null)}
          options={[{ value: '', label: t('coupons.grantsNone') }, ...templates.filter((x) => x.status === 'active').map((x) => ({ value: x.id, label: `${pick(x.name)} · ${pick(x.description)}` }))]}
        />
        {writable ? (
          <Button type="primary" loading={busy} disabled={chosen === (grants.data?.newCustomerTemplateId ?? null)} onClick={() => void save()}>
            {t('common.save')}
          </Button>
        ) : null}
      </Space>
    </Card>
  );
}
