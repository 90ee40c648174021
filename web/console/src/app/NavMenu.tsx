import { useMemo } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { Menu, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { isGroup, navItemFor, openGroupsFor, visibleNavigation } from './navigation';
import { navIcons } from './nav-icons';
import { useMe } from './session';

/** The side menu (only what the role may use): in the sider on a desktop, in the drawer on a phone. */
export function NavMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const nav = useMemo(() => visibleNavigation(me.permissions), [me.permissions]);
  const items: MenuProps['items'] = nav.map((e) =>
    isGroup(e)
      ? { key: e.key, icon: navIcons[e.icon], label: t(e.label), children: e.children.map((c) => ({ key: c.path, label: t(c.label) })) }
      : { key: e.path, icon: navIcons[e.icon], label: t(e.label) },
  );
  const selected = navItemFor(location.pathname)?.path;
  return (
    <Menu
      theme="dark"
      mode="inline"
      items={items}
      selectedKeys={selected ? [selected] : []}
      defaultOpenKeys={openGroupsFor(location.pathname, nav).concat(nav.filter(isGroup).map((g) => g.key))}
      onClick={({ key }) => {
        navigate(key);
        onNavigate?.();
      }}
    />
  );
}
