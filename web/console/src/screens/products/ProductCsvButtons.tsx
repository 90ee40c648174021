import { useState } from 'react';
import { Button, Descriptions, Modal, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { useSession } from '../../app/session';
import { CsvRowErrors } from '../../components/CsvRowErrors';
import { kilobytes, useCsvDownload } from '../../components/downloads';
import type { ImportProductsResult } from '../../types';

/** Products as CSV: export (exportProducts) and import (importProducts, all rows or none). */
export function ProductCsvButtons({ onImported }: { onImported(): void }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const download = useCsvDownload();
  const [importing, setImporting] = useState(false);
  const [outcome, setOutcome] = useState<{ result?: ImportProductsResult; error?: unknown } | null>(null);

  const upload = async (file: File) => {
    setImporting(true);
    try {
      const result = await api.postCsv<ImportProductsResult>('/products/import', file);
      setOutcome({ result });
      onImported();
    } catch (error) {
      setOutcome({ error });
    } finally {
      setImporting(false);
    }
  };

  return (
    <>
      {can('exports.run', 'catalog.read') ? (
        <Button icon={<DownloadOutlined />} loading={download.busy} onClick={() => void download.run('/products/export.csv', undefined, 'products.csv', t('csv.exported'))}>
          {download.busy ? t('csv.downloading', { size: kilobytes(download.received ?? 0) }) : t('products.exportCsv')}
        </Button>
      ) : null}
      {can('catalog.write') ? (
        <Upload accept=".csv,text/csv" showUploadList={false} beforeUpload={(file) => { void upload(file); return false; }}>
          <Button icon={<UploadOutlined />} loading={importing}>{importing ? t('csv.importing') : t('products.importCsv')}</Button>
        </Upload>
      ) : null}
      <Modal open={outcome !== null} title={t('products.importResult')} onCancel={() => setOutcome(null)} footer={<Button onClick={() => setOutcome(null)}>{t('common.close')}</Button>} width={680}>
        {outcome?.result ? (
          <Descriptions column={2} bordered size="small" items={[
            { key: 'c', label: t('csv.variantsCreated'), children: outcome.result.created },
            { key: 'u', label: t('csv.variantsUpdated'), children: outcome.result.updated },
            { key: 'n', label: t('csv.variantsUnchanged'), children: outcome.result.unchanged },
            { key: 'p', label: t('csv.productsCreatedUpdated'), children: `${outcome.result.products.created} / ${outcome.result.products.updated}` },
          ]} />
        ) : null}
        {outcome?.error ? <CsvRowErrors error={outcome.error} /> : null}
      </Modal>
    </>
  );
}
