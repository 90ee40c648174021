import { useState } from 'react';
import { Alert, Button, InputNumber, Modal, Space, Table } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { useLoad } from '../../app/hooks';
import { pick } from '../../i18n';
import { DateTime } from '../../components/format';
import { useFeedback } from '../../components/feedback';
import { useCsvDownload } from '../../components/downloads';
import type { CouponTemplate } from '../../types';

interface Batch {
  batch: number;
  count: number;
  redeemed: number;
  createdAt: string;
}

/** 兑换码: single-use codes for a template, made in batches and downloaded as CSV. */
export function RedeemCodesDialog({ template, writable, onClose }: { template: CouponTemplate | null; writable: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const download = useCsvDownload();
  const [count, setCount] = useState<number | null>(100);
  const [busy, setBusy] = useState(false);
  const id = template?.id;
  const batches = useLoad(() => (id ? api.get<{ items: Batch[] }>(`/coupon-templates/${id}/redeem-codes`).then((r) => r.items) : Promise.resolve([] as Batch[])), [id]);

  const make = async () => {
    if (!id || !count) return;
    setBusy(true);
    try {
      const made = await api.post<{ batch: number; count: number }>(`/coupon-templates/${id}/redeem-codes`, { count });
      feedback.ok(t('coupons.codesMade', made));
      batches.reload();
    } catch (err) {
      feedback.fail(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open={template !== null} title={template ? t('coupons.codesTitle', { name: pick(template.name) }) : ''} onCancel={onClose} footer={null} width={640} destroyOnHidden>
      <Alert type="info" showIcon message={t('coupons.codesNote')} style={{ marginBottom: 16 }} />
      {writable ? (
        <Space wrap style={{ marginBottom: 16 }}>
          <span>{t('coupons.codesCount')}</span>
          <InputNumber aria-label={t('coupons.codesCount')} min={1} max={10_000} value={count} onChange={setCount} />
          <Button type="primary" loading={busy} disabled={!count} onClick={() => void make()}>
            {t('coupons.codesMake')}
          </Button>
        </Space>
      ) : null}
      <Table<Batch>
        rowKey="batch"
        size="small"
        loading={batches.loading}
        dataSource={batches.data ?? []}
        pagination={false}
        locale={{ emptyText: t('coupons.codesNone') }}
        columns={[
          { title: t('coupons.codesBatch'), dataIndex: 'batch' },
          { title: t('coupons.codesTotal'), dataIndex: 'count' },
          { title: t('coupons.codesRedeemed'), dataIndex: 'redeemed' },
          { title: t('coupons.codesCreated'), key: 'at', render: (_, b) => <DateTime at={b.createdAt} /> },
          {
            key: 'dl', align: 'right',
            render: (_, b) => (
              <Button size="small" icon={<DownloadOutlined />} loading={download.busy} onClick={() => void download.run(`/coupon-templates/${id}/redeem-codes.csv`, { batch: b.batch }, `coupon-codes-${b.batch}.csv`, t('coupons.codesDownloaded'))}>
                {t('coupons.codesDownload')}
              </Button>
            ),
          },
        ]}
      />
    </Modal>
  );
}
