import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import zhCNAntd from 'antd/locale/zh_CN';
import enUSAntd from 'antd/locale/en_US';
import { zhCN } from './zh-CN';
import { en } from './en';
import { pickLanguage, type Language } from './pick-language';

export { LANGUAGES, type Language } from './pick-language';

const STORAGE_KEY = 'sk.console.lang';

function storedLanguage(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export const initialLanguage = pickLanguage(storedLanguage(), typeof navigator === 'undefined' ? [] : navigator.languages ?? [navigator.language]);

void i18next.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: initialLanguage,
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false,
});
syncDocument(initialLanguage);

function syncDocument(lang: Language) {
  dayjs.locale(lang === 'zh-CN' ? 'zh-cn' : 'en');
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}

export async function setLanguage(lang: Language) {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // private mode: the choice lasts for this page only
  }
  syncDocument(lang);
  await i18next.changeLanguage(lang);
}

export const currentLanguage = (): Language => (i18next.language === 'en' ? 'en' : 'zh-CN');
export const antdLocale = (lang: Language) => (lang === 'en' ? enUSAntd : zhCNAntd);
/** Catalog text comes in both languages; pick the UI's. */
export const pick = (text: { 'zh-CN': string; en: string } | null | undefined, lang: Language = currentLanguage()) => (text ? text[lang] || text['zh-CN'] : '');

export default i18next;

/** The whole dictionary of a language, for the pure label functions that take a block of it. */
export const dictionary = (lang: Language = currentLanguage()) => (lang === 'en' ? en : zhCN);
