import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Modal, Select, Switch, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { useCursorList } from '../../app/hooks';
import { toApiQuery } from '../../app/url-state';
import { useMe } from '../../app/session';
import { DataTable } from '../../components/DataTable';
import { ErrorState } from '../../components/ErrorState';
import { FilterBar } from '../../components/FilterBar';
import { useFeedback } from '../../components/feedback';
import { DateTime } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { Pager } from '../../components/Pager';
import type { Page, Role, StaffCreated, StaffMember } from '../../types';
import { ROLES } from './roles';

const spec = { role: 'string', active: 'string' } as const;
interface Values { email?: string; name: string; role: Role; password?: string; active?: boolean }

/** Staff accounts (adminListStaff / adminCreateStaff / adminUpdateStaff), for staff.manage. */
export default function StaffScreen() {
  const { t } = useTranslation();
  const me = useMe();
  const feedback = useFeedback();
  const list = useCursorList(spec, (f, cursor) => api.get<Page<StaffMember>>('/staff', { ...toApiQuery(f), cursor, limit: 20 }));
  const { filters, setFilters } = list;
  const [editing, setEditing] = useState<{ member?: StaffMember } | null>(null);
  const [created, setCreated] = useState<StaffCreated | null>(null);
  const [form] = Form.useForm<Values>();

  const open = (member?: StaffMember) => {
    setEditing({ member });
    form.setFieldsValue(member ? { name: member.name, role: member.role, active: member.active, password: '' } : { email: '', name: '', role: 'cs', password: '' });
  };
  const submit = async (v: Values) => {
    try {
      if (editing?.member) {
        const patch = { name: v.name.trim(), role: v.role, active: v.active, ...(v.password ? { password: v.password } : {}) };
        await api.patch(`/staff/${editing.member.id}`, patch);
        feedback.ok(t('common.savedOk'));
      } else {
        const result = await api.post<StaffCreated>('/staff', { email: v.email!.trim(), name: v.name.trim(), role: v.role, ...(v.password ? { password: v.password } : {}) });
        setCreated(result);
      }
      setEditing(null);
      list.reload();
    } catch (err) {
      feedback.fail(err);
    }
  };

  return (
    <>
      <PageHeader title={t('staff.title')} extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => open()}>{t('staff.create')}</Button>} />
      <Card>
        <FilterBar>
          <Select allowClear placeholder={t('staff.role')} aria-label={t('staff.role')} style={{ width: 180 }} value={filters.role} options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} onChange={(role) => setFilters({ role: role ?? null })} />
          <Select allowClear placeholder={t('staff.status')} aria-label={t('staff.status')} style={{ width: 160 }} value={filters.active}
            options={[{ value: 'true', label: t('staff.active') }, { value: 'false', label: t('staff.inactive') }]} onChange={(active) => setFilters({ active: active ?? null })} />
        </FilterBar>
        {list.error ? <ErrorState error={list.error} onRetry={list.reload} /> : null}
        <DataTable<StaffMember>
          label={t('staff.title')}
          rowKey="id" size="middle" loading={list.loading} dataSource={list.data?.items} pagination={false}
          columns={[
            { title: t('staff.name'), dataIndex: 'name', render: (n: string, s) => <>{n}{s.id === me.staff.id ? <Tag style={{ marginLeft: 8 }}>{t('staff.you')}</Tag> : null}</> },
            { title: t('customers.email'), dataIndex: 'email' },
            { title: t('staff.role'), dataIndex: 'role', render: (r: string) => <Tag color={r === 'admin' ? 'red' : 'blue'}>{t(`roles.${r}`)}</Tag> },
            { title: t('staff.status'), dataIndex: 'active', render: (a: boolean) => (a ? <Tag color="green">{t('staff.active')}</Tag> : <Tag>{t('staff.inactive')}</Tag>) },
            { title: t('staff.lastLogin'), dataIndex: 'lastLoginAt', render: (v: string | null) => <DateTime at={v} /> },
            { title: t('staff.createdAt'), dataIndex: 'createdAt', render: (v: string) => <DateTime at={v} /> },
            { key: 'a', align: 'right', render: (_, s) => <Button size="small" type="link" onClick={() => open(s)}>{t('common.edit')}</Button> },
          ]}
        />
        <Pager pageNumber={list.pageNumber} isFirstPage={list.isFirstPage} hasNext={list.hasNext} loading={list.loading} onFirst={list.first} onPrevious={list.previous} onNext={list.next} />
      </Card>
      <Modal open={editing !== null} title={editing?.member ? t('staff.edit') : t('staff.create')} onCancel={() => setEditing(null)} onOk={() => form.submit()} okText={t('common.save')} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={submit}>
          {editing?.member ? <Typography.Paragraph type="secondary">{editing.member.email}</Typography.Paragraph> : (
            <Form.Item name="email" label={t('customers.email')} rules={[{ required: true, type: 'email', message: t('form.email') }]}><Input autoComplete="off" /></Form.Item>
          )}
          <Form.Item name="name" label={t('staff.name')} rules={[{ required: true, whitespace: true, message: t('form.required') }]}><Input /></Form.Item>
          <Form.Item name="role" label={t('staff.role')} rules={[{ required: true }]}><Select options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} /></Form.Item>
          <Form.Item name="password" label={editing?.member ? t('staff.newPassword') : t('staff.password')} extra={editing?.member ? t('staff.newPasswordHelp') : t('staff.passwordHelp')} rules={[{ min: 8, message: t('form.password') }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          {editing?.member ? (
            <Form.Item name="active" label={t('staff.status')} valuePropName="checked" extra={t('staff.deactivateHelp')}><Switch checkedChildren={t('staff.active')} unCheckedChildren={t('staff.inactive')} /></Form.Item>
          ) : null}
        </Form>
      </Modal>
      <Modal open={created !== null} title={t('staff.createdTitle')} onCancel={() => setCreated(null)} footer={<Button type="primary" onClick={() => setCreated(null)}>{t('common.close')}</Button>}>
        {created ? (
          <>
            <Typography.Paragraph>{t('staff.createdFor', { email: created.staff.email })}</Typography.Paragraph>
            {created.initialPassword ? (
              <Alert type="warning" showIcon title={t('staff.initialPassword')} description={<Typography.Text copyable code>{created.initialPassword}</Typography.Text>} />
            ) : null}
          </>
        ) : null}
      </Modal>
    </>
  );
}
