export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A stored choice wins; otherwise the browser's first language decides (any zh → zh-CN, else en). */
export function pickLanguage(stored: string | null, browser: readonly string[]): Language {
  if (stored === 'zh-CN' || stored === 'en') return stored;
  const first = browser[0]?.toLowerCase() ?? '';
  return first.startsWith('zh') ? 'zh-CN' : first ? 'en' : 'zh-CN';
}
