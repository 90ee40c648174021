import { useMemo, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { Avatar, Dropdown, Layout, Menu, Segmented, Space, Typography, theme, type MenuProps } from 'antd';
import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { canOpen, isGroup, navItemFor, openGroupsFor, visibleNavigation } from './navigation';
import { navIcons } from './nav-icons';
import { useMe, useSession } from './session';
import { pick, setLanguage, type Language } from '../i18n';
import { api } from './api';
import { useLoad } from './hooks';
import type { StoreSettings } from '../types';
import { Forbidden } from '../components/ErrorState';
import { StoreTimeZone } from '../components/format';

const { Header, Sider, Content } = Layout;

/** The signed-in frame: side menu (only what the role may use), header with language and account. */
export function Shell() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const { signOut } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const { token } = theme.useToken();
  const [collapsed, setCollapsed] = useState(false);
  // Any signed-in staff member may read the settings; the header only wants the store's name.
  const store = useLoad(() => api.get<StoreSettings>('/settings').catch(() => undefined), []);

  const nav = useMemo(() => visibleNavigation(me.permissions), [me.permissions]);
  const items: MenuProps['items'] = nav.map((e) =>
    isGroup(e)
      ? { key: e.key, icon: navIcons[e.icon], label: t(e.label), children: e.children.map((c) => ({ key: c.path, label: t(c.label) })) }
      : { key: e.path, icon: navIcons[e.icon], label: t(e.label) },
  );
  const selected = navItemFor(location.pathname)?.path;
  const allowed = canOpen(location.pathname, me.permissions);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {/* Sticky; the menu scrolls in its own box above the collapse button (48 px), so no item hides behind it. */}
      <Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} width={216} theme="dark" style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'hidden' }}>
        <div style={{ height: 56, display: 'flex', alignItems: 'center', justifyContent: 'center', color: '#fff', fontWeight: 600, fontSize: collapsed ? 18 : 17, whiteSpace: 'nowrap' }}>
          {collapsed ? t('app.short') : t('app.name')}
        </div>
        <div style={{ height: 'calc(100vh - 56px - 48px)', overflowY: 'auto' }}>
          <Menu
            theme="dark"
            mode="inline"
            items={items}
            selectedKeys={selected ? [selected] : []}
            defaultOpenKeys={openGroupsFor(location.pathname, nav).concat(nav.filter(isGroup).map((g) => g.key))}
            onClick={({ key }) => navigate(key)}
          />
        </div>
      </Sider>
      <Layout>
        <Header style={{ background: token.colorBgContainer, padding: '0 24px', display: 'flex', alignItems: 'center', gap: 16, borderBottom: `1px solid ${token.colorBorderSecondary}` }}>
          <Typography.Text strong style={{ fontSize: 16, marginRight: 'auto' }}>{pick(store.data?.name)}</Typography.Text>
          <Segmented
            size="small"
            aria-label={t('app.language')}
            value={i18n.language === 'en' ? 'en' : 'zh-CN'}
            options={[{ label: '中文', value: 'zh-CN' }, { label: 'EN', value: 'en' }]}
            onChange={(v) => void setLanguage(v as Language)}
          />
          <Dropdown
            menu={{
              items: [
                { key: 'role', label: t(`roles.${me.staff.role}`), disabled: true },
                { type: 'divider' },
                { key: 'signOut', icon: <LogoutOutlined />, label: t('app.signOut') },
              ],
              onClick: ({ key }) => {
                if (key === 'signOut') void signOut().then(() => navigate('/sign-in'));
              },
            }}
          >
            <Space style={{ cursor: 'pointer' }}>
              <Avatar size="small" icon={<UserOutlined />} />
              <Typography.Text>{me.staff.name}</Typography.Text>
            </Space>
          </Dropdown>
        </Header>
        <Content style={{ padding: 24, minWidth: 0 }}>
          <StoreTimeZone.Provider value={store.data?.timezone}>{allowed ? <Outlet /> : <Forbidden />}</StoreTimeZone.Provider>
        </Content>
      </Layout>
    </Layout>
  );
}
