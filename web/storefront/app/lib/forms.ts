/** Form fields as trimmed strings (FormData values may be files or missing). */
export function fields(form: FormData, names: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const n of names) {
    const v = form.get(n);
    out[n] = typeof v === 'string' ? v.trim() : '';
  }
  return out;
}

export const MOBILE = /^1[3-9]\d{9}$/;
