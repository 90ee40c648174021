import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { Alert, Button, Card, Col, Progress, Row, Segmented, Statistic, Tag, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { CsvRowErrors } from '../../components/CsvRowErrors';
import { saveBlob, kilobytes } from '../../components/downloads';
import { DataTable } from '../../components/DataTable';
import { PageHeader } from '../../components/PageHeader';
import type { BulkShipResult } from '../../types';

type Row = BulkShipResult['rows'][number];

/**
 * Ship many orders from a spreadsheet (bulkShipOrders). Each row ships or is skipped on its own, so
 * the result lists every row with its reason; the upload shows that it is working while it runs.
 */
export default function BulkShipScreen() {
  const { t } = useTranslation();
  const [running, setRunning] = useState<{ name: string; size: number; started: number } | null>(null);
  const [elapsed, setElapsed] = useState(0);
  const [result, setResult] = useState<BulkShipResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [show, setShow] = useState<'all' | 'skipped'>('all');

  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setElapsed(Math.round((Date.now() - running.started) / 1000)), 500);
    return () => clearInterval(timer);
  }, [running]);

  const upload = async (file: File) => {
    setRunning({ name: file.name, size: file.size, started: Date.now() });
    setElapsed(0);
    setResult(null);
    setError(null);
    try {
      const r = await api.postCsv<BulkShipResult>('/shipments/import', file);
      setResult(r);
      setShow(r.skipped ? 'skipped' : 'all');
    } catch (err) {
      setError(err);
    } finally {
      setRunning(null);
    }
  };

  const template = () => saveBlob(new Blob(['\ufefforder_number,carrier,tracking_number\n'], { type: 'text/csv' }), 'shipments-template.csv');
  const rows = result ? (show === 'skipped' ? result.rows.filter((r) => r.result === 'skipped') : result.rows) : [];

  return (
    <>
      <PageHeader title={t('bulkShip.title')} sub={t('bulkShip.subtitle')} extra={<Button icon={<DownloadOutlined />} onClick={template}>{t('bulkShip.template')}</Button>} />
      <Card style={{ marginBottom: 16 }}>
        <Typography.Paragraph>
          {t('bulkShip.help')} <Link to="/orders?status=paid" style={{ textDecoration: 'underline' }}>{t('bulkShip.readyToShip')}</Link>
        </Typography.Paragraph>
        <Upload.Dragger accept=".csv,text/csv" showUploadList={false} disabled={running !== null} beforeUpload={(f) => { void upload(f); return false; }}>
          <p className="ant-upload-drag-icon"><InboxOutlined /></p>
          <p className="ant-upload-text">{t('bulkShip.drop')}</p>
          <p className="ant-upload-hint">{t('bulkShip.hint')}</p>
        </Upload.Dragger>
        {running ? (
          <div style={{ marginTop: 16 }}>
            <Progress percent={100} status="active" showInfo={false} />
            <Typography.Text>{t('bulkShip.running', { name: running.name, size: kilobytes(running.size), seconds: elapsed })}</Typography.Text>
          </div>
        ) : null}
        {error ? <div style={{ marginTop: 16 }}><CsvRowErrors error={error} /></div> : null}
      </Card>
      {result ? (
        <Card title={t('bulkShip.result')}>
          <Row gutter={[16, 12]} style={{ marginBottom: 16 }}>
            <Col xs={12} sm={6}><Statistic title={t('bulkShip.shipped')} value={result.shipped} styles={{ content: { color: '#237804' } }} /></Col>
            <Col xs={12} sm={6}><Statistic title={t('bulkShip.skipped')} value={result.skipped} styles={{ content: { color: result.skipped ? '#cf1322' : undefined } }} /></Col>
            <Col xs={24} sm={12} style={{ textAlign: 'right' }}>
              <Segmented value={show} onChange={setShow} options={[{ value: 'all', label: t('common.all') }, { value: 'skipped', label: t('bulkShip.onlySkipped') }]} />
            </Col>
          </Row>
          {result.skipped ? <Alert style={{ marginBottom: 12 }} type="warning" showIcon title={t('bulkShip.skippedHelp')} /> : null}
          <DataTable<Row>
            label={t('bulkShip.result')}
            rowKey="row" size="small" dataSource={rows} pagination={{ pageSize: 50, showSizeChanger: false }}
            columns={[
              { title: t('csv.row'), dataIndex: 'row', width: 70 },
              { title: t('orders.number'), dataIndex: 'orderNumber', width: 220, render: (n: string) => <Link to={`/orders/${n}`} style={{ fontFamily: 'monospace' }}>{n}</Link> },
              { title: t('orders.carrier'), dataIndex: 'carrier', width: 110 },
              { title: t('orders.trackingNumber'), dataIndex: 'trackingNumber', width: 190 },
              { title: t('bulkShip.outcome'), dataIndex: 'result', width: 100, render: (r: string) => <Tag color={r === 'shipped' ? 'green' : 'red'}>{t(`bulkShip.${r}`)}</Tag> },
              { title: t('bulkShip.reason'), dataIndex: 'reason', render: (v: string | null) => v ?? '' },
            ]}
          />
        </Card>
      ) : null}
    </>
  );
}
