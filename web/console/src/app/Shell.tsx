import { useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { Avatar, Button, Drawer, Dropdown, Layout, Segmented, Tag, Tooltip, Typography, theme } from 'antd';
import { LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { canOpen } from './navigation';
import { NavMenu } from './NavMenu';
import { useNarrow } from './responsive';
import { useMe, useSession } from './session';
import { pick, setLanguage, type Language } from '../i18n';
import { api } from './api';
import { SETTINGS_SAVED, useLoad, useWindowEvent } from './hooks';
import type { StoreSettings } from '../types';
import { Forbidden } from '../components/ErrorState';
import { StoreTimeZone } from '../components/format';

const { Header, Sider, Content } = Layout;

/**
 * The signed-in frame: side menu (only what the role may use), header with language and account.
 * On a phone the menu is a drawer opened from the header, and the content gets the whole width.
 */
export function Shell() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const { signOut } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const { token } = theme.useToken();
  const narrow = useNarrow();
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  // Any signed-in staff member may read the settings; the header only wants the store's name.
  const store = useLoad(() => api.get<StoreSettings>('/settings').catch(() => undefined), []);
  useWindowEvent(SETTINGS_SAVED, store.reload);
  const allowed = canOpen(location.pathname, me.permissions);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {narrow ? (
        <Drawer
          id="console-menu"
          placement="left"
          size={264}
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          title={t('app.name')}
          styles={{ body: { padding: 0, background: '#001529' } }}
        >
          <NavMenu onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
      ) : (
        // Sticky; the menu scrolls in its own box above the collapse button (48 px), so no item hides behind it.
        <Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} width={216} theme="dark" style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'hidden' }}>
          <div style={{ height: 56, display: 'flex', alignItems: 'center', justifyContent: 'center', color: '#fff', fontWeight: 600, fontSize: collapsed ? 18 : 17, whiteSpace: 'nowrap' }}>
            {collapsed ? t('app.short') : t('app.name')}
          </div>
          <div style={{ height: 'calc(100vh - 56px - 48px)', overflowY: 'auto' }}>
            <NavMenu />
          </div>
        </Sider>
      )}
      <Layout style={{ minWidth: 0 }}>
        <Header style={{ background: token.colorBgContainer, padding: narrow ? '0 12px' : '0 24px', display: 'flex', alignItems: 'center', gap: narrow ? 8 : 16, borderBottom: `1px solid ${token.colorBorderSecondary}` }}>
          {narrow ? (
            <Button
              type="text"
              icon={<MenuOutlined />}
              aria-label={t('app.menu')}
              aria-expanded={drawerOpen}
              aria-controls="console-menu"
              onClick={() => setDrawerOpen(true)}
            />
          ) : null}
          <Typography.Text strong ellipsis style={{ fontSize: 16, marginRight: 'auto', minWidth: 0 }}>{pick(store.data?.name)}</Typography.Text>
          <SandboxBadge sandbox={store.data?.paymentSandbox} />
          <Segmented
            size="small"
            aria-label={t('app.language')}
            value={i18n.language === 'en' ? 'en' : 'zh-CN'}
            options={[{ label: '中文', value: 'zh-CN' }, { label: 'EN', value: 'en' }]}
            onChange={(v) => void setLanguage(v as Language)}
          />
          <Dropdown
            trigger={narrow ? ['click'] : ['hover', 'click']}
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
            <Button type="text" aria-label={narrow ? t('app.account', { name: me.staff.name }) : undefined} style={{ paddingInline: narrow ? 4 : undefined }}>
              <Avatar size="small" icon={<UserOutlined />} />
              {narrow ? null : me.staff.name}
            </Button>
          </Dropdown>
        </Header>
        <Content style={{ padding: narrow ? 12 : 24, minWidth: 0 }}>
          <StoreTimeZone.Provider value={store.data?.timezone}>{allowed ? <Outlet /> : <Forbidden />}</StoreTimeZone.Provider>
        </Content>
      </Layout>
    </Layout>
  );
}

/**
 * While the sandbox payment provider is on, every screen says so: it marks orders paid with no money
 * behind them. Red when the store is public or takes real payments too (docs/decisions/0026).
 */
// antd's preset warning/error tags are too pale to read (axe: 1.8:1); the dark ends of its palettes are not.
const LOCAL = { color: '#874d00', background: '#fffbe6', borderColor: '#ffe58f' };
const EXPOSED = { color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' };

function SandboxBadge({ sandbox }: { sandbox?: StoreSettings['paymentSandbox'] }) {
  const { t } = useTranslation();
  if (!sandbox?.enabled) return null;
  const exposed = sandbox.exposures.length > 0;
  const why = sandbox.exposures.map((e) => t(e === 'public-url' ? 'app.sandboxPublic' : 'app.sandboxRealProvider'));
  return (
    <Tooltip title={[...why, t('app.sandboxNote')].join(' ')}>
      <Tag data-testid="sandbox-badge" tabIndex={0} style={{ marginInlineEnd: 0, ...(exposed ? EXPOSED : LOCAL) }}>
        {t('app.sandbox')}
      </Tag>
    </Tooltip>
  );
}
