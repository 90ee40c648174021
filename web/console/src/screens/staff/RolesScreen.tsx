import { Card, Typography } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { useLoad } from '../../app/hooks';
import { DataTable } from '../../components/DataTable';
import { ErrorState } from '../../components/ErrorState';
import { PageHeader } from '../../components/PageHeader';
import type { RolesMatrix } from '../../types';

/** The role × permission matrix (adminListRoles). Roles are fixed in code; this explains them. */
export default function RolesScreen() {
  const { t } = useTranslation();
  const { data, error, reload, loading } = useLoad(() => api.get<RolesMatrix>('/roles'), []);
  if (error) return <ErrorState error={error} onRetry={reload} />;
  const rows = (data?.permissions ?? []).map((p) => ({ permission: p }));
  return (
    <>
      <PageHeader title={t('rolesScreen.title')} sub={t('rolesScreen.subtitle')} />
      <Card>
        <DataTable
          label={t('rolesScreen.title')}
          rowKey="permission" size="small" loading={loading} pagination={false} dataSource={rows} scroll={{ x: 'max-content' }}
          columns={[
            { title: t('rolesScreen.permission'), dataIndex: 'permission', fixed: 'left', render: (p: string) => <><Typography.Text code>{p}</Typography.Text> <Typography.Text type="secondary">{t(`permissions.${p}`)}</Typography.Text></> },
            ...(data?.roles ?? []).map((r) => ({
              title: t(`roles.${r.role}`), key: r.role, align: 'center' as const, width: 90,
              render: (_: unknown, row: { permission: string }) => (r.permissions.includes(row.permission as never) ? <CheckOutlined style={{ color: '#237804' }} /> : null),
            })),
          ]}
        />
      </Card>
    </>
  );
}
