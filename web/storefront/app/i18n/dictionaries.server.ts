import { en } from './en';
import { zhCN } from './zh-CN';
import { provideDictionary, type Dictionary, type Locale } from './index';

/** Server-only: the server holds both languages; a browser loads its one in entry.client.tsx. */
export const dictionaries: Record<Locale, Dictionary> = { 'zh-CN': zhCN, en };
provideDictionary('zh-CN', zhCN);
provideDictionary('en', en);
