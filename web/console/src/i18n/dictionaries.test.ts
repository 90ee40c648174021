import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { zhCN } from './zh-CN';
import { en } from './en';
import { pickLanguage } from './pick-language';
import { NAVIGATION, isGroup } from '../app/navigation';

const SRC = fileURLToPath(new URL('..', import.meta.url));

function leaves(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : leaves(v as object, `${prefix}${k}.`)));
}
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.tsx?$/.test(f) && !f.endsWith('.test.ts') ? [p] : [];
  });
}

describe('console dictionaries', () => {
  const zhKeys = new Set(leaves(zhCN));
  const enKeys = new Set(leaves(en));

  it('have the same keys in both languages', () => {
    expect([...zhKeys].filter((k) => !enKeys.has(k))).toEqual([]);
    expect([...enKeys].filter((k) => !zhKeys.has(k))).toEqual([]);
  });

  it('have every literal key the screens ask for, in both languages', () => {
    const used = new Set<string>();
    for (const file of sources(SRC)) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z][\w.]*)'/g)) used.add(m[1]);
    }
    for (const e of NAVIGATION) for (const item of isGroup(e) ? [e, ...e.children] : [e]) used.add(item.label);
    expect(used.size).toBeGreaterThan(200);
    expect([...used].filter((k) => !zhKeys.has(k))).toEqual([]);
  });

  it('name every order state, role and permission the server has', async () => {
    const { ORDER_STATES } = await import('../../../../src/web-contract');
    const { ROLES, PERMISSIONS } = await import('../../../../src/web-contract');
    for (const s of ORDER_STATES) expect(zhKeys.has(`orderStatus.${s}`)).toBe(true);
    for (const r of ROLES) expect(zhKeys.has(`roles.${r}`)).toBe(true);
    for (const p of PERMISSIONS) expect(zhKeys.has(`permissions.${p}`)).toBe(true);
  });

  it('default to the browser language, a stored choice winning', () => {
    expect(pickLanguage(null, ['zh-TW', 'en'])).toBe('zh-CN');
    expect(pickLanguage(null, ['en-GB'])).toBe('en');
    expect(pickLanguage(null, ['de-DE'])).toBe('en');
    expect(pickLanguage('zh-CN', ['en-US'])).toBe('zh-CN');
    expect(pickLanguage('fr', [])).toBe('zh-CN');
  });
});
