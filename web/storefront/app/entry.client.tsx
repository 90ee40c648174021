import { startTransition, StrictMode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { HydratedRouter } from 'react-router/dom';
import { provideDictionary, type Dictionary, type Locale } from './i18n';
import { localeOfPath } from './lib/locale';

/** Each language is its own chunk: a page fetches only the dictionary of the language it shows. */
const load: Record<Locale, () => Promise<Dictionary>> = {
  'zh-CN': () => import('./i18n/zh-CN').then((m) => m.zhCN),
  en: () => import('./i18n/en').then((m) => m.en),
};

// The language comes from the URL and never changes under a document (the switch reloads it).
const locale = localeOfPath(window.location.pathname);
void load[locale]().then((dict) => {
  provideDictionary(locale, dict);
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <HydratedRouter />
      </StrictMode>,
    );
  });
});
