import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { App as AntApp, ConfigProvider, type ThemeConfig } from 'antd';
import i18next from 'i18next';
import { antdLocale, currentLanguage, type Language } from '../i18n';
import { useNarrow } from './responsive';
import { SessionProvider } from './session';

/**
 * Ant Design's defaults miss WCAG AA contrast (4.5:1) where axe looks: white on the primary blue and
 * blue links (#1677ff, 4.1:1), secondary, tertiary and placeholder text (1.8–3.4:1), the danger red
 * (3.3:1), success and warning text (3.5:1, 2.9:1), and the text of green, cyan and gold tags
 * (palette step 7 on step 1: 3.4:1, 3.4:1, 2.8:1). These tokens darken each just enough; a tag's
 * text takes the palette's step 8 or 9 (5.4:1 and more), its background and border stay as they are.
 */
const TOKENS: ThemeConfig['token'] = {
  colorPrimary: '#0958d9',
  // The hover shade antd derives (#2e7ae6) is 4.2:1 under white text; this one is 5.0:1.
  colorPrimaryHover: '#1f6ae0',
  colorLink: '#0958d9',
  colorLinkHover: '#1f6ae0',
  colorError: '#cf1322',
  borderRadius: 6,
  colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
  colorTextDescription: 'rgba(0, 0, 0, 0.65)',
  colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
  colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
  colorSuccessText: '#237804',
  colorWarningText: '#874d00',
  ...tagText({ green: '#237804', cyan: '#006d75', gold: '#874d00', orange: '#ad4e00', volcano: '#ad2102', lime: '#3f6600' }),
};

/** A palette's step 7 has two token names (green7, green-7) that share one CSS variable: set both. */
function tagText(colors: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(colors).flatMap(([name, hex]) => [[`${name}7`, hex], [`${name}-7`, hex]]));
}

/** antd follows the i18next language, so one switch changes both the dictionaries and antd's own words. */
export function Providers({ children }: { children: ReactNode }) {
  const [lang, setLang] = useState<Language>(currentLanguage());
  const narrow = useNarrow();
  useEffect(() => {
    const onChange = () => setLang(currentLanguage());
    i18next.on('languageChanged', onChange);
    return () => i18next.off('languageChanged', onChange);
  }, []);
  // On a phone, cards give their content 12 px a side instead of 24 (a table keeps ~40 px more).
  const theme = useMemo<ThemeConfig>(() => ({ token: TOKENS, components: narrow ? { Card: { bodyPadding: 12, headerPadding: 12 } } : undefined }), [narrow]);
  return (
    <ConfigProvider locale={antdLocale(lang)} theme={theme}>
      <AntApp>
        <SessionProvider>{children}</SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}
