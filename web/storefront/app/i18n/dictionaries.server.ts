import { en } from './en';
import { zhCN } from './zh-CN';
import type { Dictionary, Locale } from './index';

/** Server-only: the client receives the one dictionary it needs through the root loader. */
export const dictionaries: Record<Locale, Dictionary> = { 'zh-CN': zhCN, en };
