import { useMatches, useRouteLoaderData } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../i18n';
import type { RootData } from './seo';
import type { ShellData } from '../routes/shell';

/** The page's language and `t`, from the root loader and the i18next provider in root.tsx. */
export function useLocale(): { locale: Locale; t: ReturnType<typeof useTranslation>['t'] } {
  const root = useRouteLoaderData('root') as RootData | undefined;
  const { t } = useTranslation();
  return { locale: root?.locale ?? 'zh-CN', t };
}

/** The language layout's data (categories, who is signed in, cart size), when it loaded. */
export function useShell(): ShellData | undefined {
  const shell = useMatches().find((m) => m.id === 'zh' || m.id === 'en');
  return shell?.data as ShellData | undefined;
}
