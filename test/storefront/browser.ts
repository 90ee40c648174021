/** Cookies a response sets, as a Cookie header to send back (a tiny browser). */
export function cookieJar() {
  const jar = new Map<string, string>();
  return {
    take(res: { headers: Record<string, unknown> }) {
      const raw = res.headers['set-cookie'];
      for (const line of Array.isArray(raw) ? raw : raw ? [String(raw)] : []) {
        const [pair] = String(line).split(';');
        const [name, value] = [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)];
        if (value && !/max-age=0/i.test(line)) jar.set(name, value);
        else jar.delete(name);
      }
    },
    get header() {
      return [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    },
    has: (name: string) => jar.has(name),
  };
}

export const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
export const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
