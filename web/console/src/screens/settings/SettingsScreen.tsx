import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useUrlFilters } from '../../app/hooks';
import { PageHeader } from '../../components/PageHeader';
import { StoreSettingsForm } from './StoreSettingsForm';
import { ShippingMethodsTab } from './ShippingMethodsTab';
import { MessagesTab } from './MessagesTab';

const spec = { tab: 'string' } as const;

/** Store settings (adminGetSettings / adminUpdateSettings), shipping methods and the sandbox outbox. */
export default function SettingsScreen() {
  const { t } = useTranslation();
  const { filters, setFilters } = useUrlFilters(spec);
  return (
    <>
      <PageHeader title={t('settings.title')} />
      <Tabs
        activeKey={filters.tab ?? 'store'}
        onChange={(tab) => setFilters({ tab: tab === 'store' ? null : tab })}
        destroyOnHidden
        items={[
          { key: 'store', label: t('settings.store'), children: <StoreSettingsForm /> },
          { key: 'shipping', label: t('settings.shippingMethods'), children: <ShippingMethodsTab /> },
          { key: 'messages', label: t('settings.messages'), children: <MessagesTab /> },
        ]}
      />
    </>
  );
}
