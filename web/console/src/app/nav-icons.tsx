import type { ReactNode } from 'react';
import {
  AppstoreOutlined, AuditOutlined, BellOutlined, DatabaseOutlined, HomeOutlined, RollbackOutlined, SafetyOutlined, SendOutlined,
  SettingOutlined, ShoppingCartOutlined, ShoppingOutlined, TagsOutlined, TeamOutlined, ApartmentOutlined, UserOutlined, ToolOutlined,
} from '@ant-design/icons';

/** Icons for the names used in navigation.ts (kept apart so that table stays free of React). */
export const navIcons: Record<string, ReactNode> = {
  home: <HomeOutlined />,
  catalog: <AppstoreOutlined />,
  products: <ShoppingOutlined />,
  categories: <ApartmentOutlined />,
  brands: <TagsOutlined />,
  stock: <DatabaseOutlined />,
  orders: <ShoppingCartOutlined />,
  ship: <SendOutlined />,
  refunds: <RollbackOutlined />,
  customers: <UserOutlined />,
  system: <ToolOutlined />,
  staff: <TeamOutlined />,
  roles: <SafetyOutlined />,
  audit: <AuditOutlined />,
  events: <BellOutlined />,
  settings: <SettingOutlined />,
};
