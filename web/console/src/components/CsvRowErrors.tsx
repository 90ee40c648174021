import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../app/api';
import { errorText } from './ErrorState';
import { DataTable } from './DataTable';

interface RowError { row: number; column?: string; code: string; message: string }

/** A refused CSV (422): the server lists every bad row with its spreadsheet row number and column. */
export function CsvRowErrors({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const rows = error instanceof ApiError && Array.isArray(error.problem.errors) && error.problem.errors.some((e) => 'row' in e)
    ? (error.problem.errors as unknown as RowError[])
    : null;
  return (
    <>
      <Alert type="error" showIcon title={error instanceof ApiError ? error.problem.detail : errorText(error, t)} style={{ marginBottom: rows ? 12 : 0 }} />
      {rows ? (
        <DataTable<RowError>
          label={t('csv.rowErrors')}
          size="small"
          rowKey={(r) => `${r.row}-${r.column ?? ''}-${r.code}`}
          dataSource={rows}
          pagination={rows.length > 10 ? { pageSize: 10 } : false}
          columns={[
            { title: t('csv.row'), dataIndex: 'row', width: 70 },
            { title: t('csv.column'), dataIndex: 'column', width: 140 },
            { title: t('csv.problem'), dataIndex: 'message' },
          ]}
        />
      ) : null}
    </>
  );
}
