import type { ReactNode } from 'react';
import {
  ThunderboltOutlined, ShareAltOutlined,
  AppstoreOutlined, AuditOutlined, CalendarOutlined, BellOutlined, DatabaseOutlined, HomeOutlined, RollbackOutlined, SafetyOutlined, SendOutlined,
  CrownOutlined, GiftOutlined, PercentageOutlined, NotificationOutlined, SettingOutlined, ShoppingCartOutlined, ShoppingOutlined, TagsOutlined, TeamOutlined, ApartmentOutlined, UserOutlined, ToolOutlined, UsergroupAddOutlined,
} from '@ant-design/icons';

/** Icons for the names used in navigation.ts (kept apart so that table stays free of React). Hidden from
 * screen readers: the menu item's name is its label ("库存"), not "database 库存". */
export const navIcons: Record<string, ReactNode> = {
  home: <HomeOutlined aria-hidden />,
  catalog: <AppstoreOutlined aria-hidden />,
  products: <ShoppingOutlined aria-hidden />,
  categories: <ApartmentOutlined aria-hidden />,
  brands: <TagsOutlined aria-hidden />,
  stock: <DatabaseOutlined aria-hidden />,
  orders: <ShoppingCartOutlined aria-hidden />,
  ship: <SendOutlined aria-hidden />,
  refunds: <RollbackOutlined aria-hidden />,
  customers: <UserOutlined aria-hidden />,
  marketing: <NotificationOutlined aria-hidden />,
  campaigns: <CalendarOutlined aria-hidden />,
  promotions: <PercentageOutlined aria-hidden />,
  flashSales: <ThunderboltOutlined aria-hidden />,
  groupBuys: <ShareAltOutlined aria-hidden />,
  coupons: <GiftOutlined aria-hidden />,
  loyalty: <CrownOutlined aria-hidden />,
  referral: <UsergroupAddOutlined aria-hidden />,
  system: <ToolOutlined aria-hidden />,
  staff: <TeamOutlined aria-hidden />,
  roles: <SafetyOutlined aria-hidden />,
  audit: <AuditOutlined aria-hidden />,
  events: <BellOutlined aria-hidden />,
  settings: <SettingOutlined aria-hidden />,
};
