import { useState } from 'react';
import { Button, Flex, Modal, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { errorText } from '../../components/ErrorState';

/**
 * Publish or archive the selected products. The API has one call per product (each is its own
 * audited action), so this walks the selection and shows how far it got and which ones failed.
 */
export function BulkStatusButtons({ ids, onDone }: { ids: string[]; onDone(): void }) {
  const { t } = useTranslation();
  const [run, setRun] = useState<{ verb: 'publish' | 'archive'; done: number; failures: string[]; finished: boolean } | null>(null);

  const start = async (verb: 'publish' | 'archive') => {
    const failures: string[] = [];
    setRun({ verb, done: 0, failures, finished: false });
    for (let i = 0; i < ids.length; i++) {
      try {
        await api.post(`/products/${ids[i]}/${verb}`);
      } catch (err) {
        failures.push(errorText(err, t));
      }
      setRun({ verb, done: i + 1, failures: [...failures], finished: false });
    }
    setRun({ verb, done: ids.length, failures, finished: true });
  };

  const close = () => {
    setRun(null);
    onDone();
  };

  return (
    <>
      <Flex gap={8} wrap>
        <Button disabled={!ids.length} onClick={() => void start('publish')}>{t('products.bulkPublish', { count: ids.length })}</Button>
        <Button disabled={!ids.length} danger onClick={() => void start('archive')}>{t('products.bulkArchive', { count: ids.length })}</Button>
      </Flex>
      <Modal
        open={run !== null}
        title={run ? t(run.verb === 'publish' ? 'products.bulkPublishing' : 'products.bulkArchiving') : ''}
        closable={run?.finished}
        mask={{ closable: false }}
        onCancel={close}
        footer={run?.finished ? <Button type="primary" onClick={close}>{t('common.close')}</Button> : null}
      >
        {run ? (
          <>
            <Progress percent={Math.round((run.done / Math.max(ids.length, 1)) * 100)} status={run.finished ? (run.failures.length ? 'exception' : 'success') : 'active'} />
            <Typography.Paragraph>{t('products.bulkProgress', { done: run.done, total: ids.length, failed: run.failures.length })}</Typography.Paragraph>
            {run.failures.map((f, i) => <Typography.Paragraph key={i} type="danger" style={{ margin: 0 }}>{f}</Typography.Paragraph>)}
          </>
        ) : null}
      </Modal>
    </>
  );
}
