import { useEffect, useState, type ReactNode } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import i18next from 'i18next';
import { antdLocale, currentLanguage, type Language } from '../i18n';
import { SessionProvider } from './session';

/** antd follows the i18next language, so one switch changes both the dictionaries and antd's own words. */
/**
 * Ant Design's defaults miss WCAG AA contrast (4.5:1) where axe looks: white on the primary blue and
 * blue links (#1677ff, 4.1:1), secondary, tertiary and placeholder text (1.8–3.4:1), the danger red
 * (3.3:1). These tokens darken each just enough.
 */
const THEME = {
  token: {
    colorPrimary: '#0958d9',
    colorLink: '#0958d9',
    colorError: '#cf1322',
    borderRadius: 6,
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
  },
};

export function Providers({ children }: { children: ReactNode }) {
  const [lang, setLang] = useState<Language>(currentLanguage());
  useEffect(() => {
    const onChange = () => setLang(currentLanguage());
    i18next.on('languageChanged', onChange);
    return () => i18next.off('languageChanged', onChange);
  }, []);
  return (
    <ConfigProvider locale={antdLocale(lang)} theme={THEME}>
      <AntApp>
        <SessionProvider>{children}</SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}
