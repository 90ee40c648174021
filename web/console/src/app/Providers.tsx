import { useEffect, useState, type ReactNode } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import i18next from 'i18next';
import { antdLocale, currentLanguage, type Language } from '../i18n';
import { SessionProvider } from './session';

/** antd follows the i18next language, so one switch changes both the dictionaries and antd's own words. */
export function Providers({ children }: { children: ReactNode }) {
  const [lang, setLang] = useState<Language>(currentLanguage());
  useEffect(() => {
    const onChange = () => setLang(currentLanguage());
    i18next.on('languageChanged', onChange);
    return () => i18next.off('languageChanged', onChange);
  }, []);
  return (
    <ConfigProvider locale={antdLocale(lang)} theme={{ token: { colorPrimary: '#1677ff', borderRadius: 6 } }}>
      <AntApp>
        <SessionProvider>{children}</SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}
