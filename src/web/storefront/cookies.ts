/** The few cookie operations the bridge needs; names and values are the API's own (URL-safe). */
export function parseCookieHeader(header: string | undefined): Map<string, string> {
  const jar = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    jar.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return jar;
}

/** Applies one Set-Cookie line to a jar: a cleared or expired cookie is removed. */
export function applySetCookie(jar: Map<string, string>, line: string, now = Date.now()): void {
  const [pair, ...attrs] = line.split(';');
  const eq = pair.indexOf('=');
  if (eq <= 0) return;
  const name = pair.slice(0, eq).trim();
  const value = pair.slice(eq + 1).trim();
  let expired = value === '';
  for (const attr of attrs) {
    const [k, v = ''] = attr.split('=');
    const key = k.trim().toLowerCase();
    if (key === 'max-age' && Number(v) <= 0) expired = true;
    if (key === 'expires' && Date.parse(v) <= now) expired = true;
  }
  if (expired) jar.delete(name);
  else jar.set(name, value);
}

export function cookieHeaderOf(jar: Map<string, string>): string | undefined {
  if (jar.size === 0) return undefined;
  return [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
}
