import { useState } from 'react';
import { Button, Card, Form, Input, InputNumber, Modal, TreeSelect } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { useSession } from '../../app/session';
import { pick } from '../../i18n';
import { DataTable } from '../../components/DataTable';
import { ErrorState } from '../../components/ErrorState';
import { useFeedback } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import type { CategoryInput, CategoryNode } from '../../types';
import { categoryTreeData, useCatalogLookups } from '../products/lookups';

interface Values { slug: string; nameZh: string; nameEn: string; parentId?: string | null; position?: number }
type Editing = { node?: CategoryNode; parentId?: string | null; position?: number } | null;

/** The category tree (adminListCategories) with create and edit (catalog.write). */
export default function CategoriesScreen() {
  const { t } = useTranslation();
  const { can } = useSession();
  const feedback = useFeedback();
  const { categories } = useCatalogLookups();
  const [editing, setEditing] = useState<Editing>(null);
  const [form] = Form.useForm<Values>();
  const writable = can('catalog.write');

  const open = (e: NonNullable<Editing>) => {
    setEditing(e);
    form.setFieldsValue(e.node
      ? { slug: e.node.slug, nameZh: e.node.name['zh-CN'], nameEn: e.node.name.en, parentId: e.node.parentId, position: e.position }
      : { slug: '', nameZh: '', nameEn: '', parentId: e.parentId ?? null, position: 0 });
  };
  const submit = async (v: Values) => {
    const body: CategoryInput = { slug: v.slug.trim(), name: { 'zh-CN': v.nameZh.trim(), en: v.nameEn.trim() }, parentId: v.parentId ?? null, position: v.position ?? 0 };
    try {
      if (editing?.node) await api.patch(`/categories/${editing.node.id}`, body);
      else await api.post('/categories', body);
      feedback.ok(t('common.savedOk'));
      setEditing(null);
      categories.reload();
    } catch (err) {
      feedback.fail(err);
    }
  };

  const withoutEmptyChildren = (nodes: CategoryNode[]): CategoryNode[] =>
    nodes.map((n) => ({ ...n, children: n.children.length ? withoutEmptyChildren(n.children) : (undefined as unknown as CategoryNode[]) }));

  return (
    <>
      <PageHeader title={t('categories.title')} extra={writable ? <Button type="primary" icon={<PlusOutlined />} onClick={() => open({})}>{t('categories.create')}</Button> : null} />
      <Card>
        {categories.error ? <ErrorState error={categories.error} onRetry={categories.reload} /> : null}
        <DataTable<CategoryNode>
          label={t('categories.title')}
          rowKey="id"
          size="middle"
          loading={categories.loading}
          dataSource={withoutEmptyChildren(categories.data ?? [])}
          pagination={false}
          expandable={{ defaultExpandAllRows: false }}
          columns={[
            { title: t('categories.name'), key: 'name', render: (_, c) => pick(c.name) },
            { title: t('categories.otherName'), key: 'other', render: (_, c) => (pick(c.name) === c.name.en ? c.name['zh-CN'] : c.name.en) },
            { title: t('products.slug'), dataIndex: 'slug' },
            {
              key: 'actions', width: 200, align: 'right',
              render: (_, c, index) => writable ? (
                <>
                  <Button size="small" type="link" icon={<PlusOutlined />} onClick={() => open({ parentId: c.id })}>{t('categories.addChild')}</Button>
                  <Button size="small" type="link" icon={<EditOutlined />} onClick={() => open({ node: c, position: index })}>{t('common.edit')}</Button>
                </>
              ) : null,
            },
          ]}
        />
      </Card>
      <Modal open={editing !== null} title={editing?.node ? t('categories.edit') : t('categories.create')} onCancel={() => setEditing(null)} onOk={() => form.submit()} okText={t('common.save')} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item name="nameZh" label={t('products.nameZh')} rules={[{ required: true, message: t('form.required') }]}><Input /></Form.Item>
          <Form.Item name="nameEn" label={t('products.nameEn')} rules={[{ required: true, message: t('form.required') }]}><Input /></Form.Item>
          <Form.Item name="slug" label={t('products.slug')} rules={[{ required: true, message: t('form.required') }, { pattern: /^[a-z0-9][a-z0-9-]{0,79}$/, message: t('form.slug') }]}><Input /></Form.Item>
          <Form.Item name="parentId" label={t('categories.parent')}><TreeSelect allowClear treeData={categoryTreeData(categories.data)} treeDefaultExpandAll /></Form.Item>
          <Form.Item name="position" label={t('categories.position')}><InputNumber min={0} max={10000} /></Form.Item>
        </Form>
      </Modal>
    </>
  );
}
