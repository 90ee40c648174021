/**
 * A mobile number as it is shown back to its owner on lists and order pages: 138****5678, the way
 * Chinese shops print it (on screens that may be seen over a shoulder or in a screenshot). The
 * full number stays where the owner edits it. Longer or foreign numbers keep the first three and
 * the last four digits; very short ones keep only the last two.
 */
export function maskMobile(mobile: string): string;
export function maskMobile(mobile: string | null): string | null;
export function maskMobile(mobile: string | null): string | null {
  if (mobile === null) return null;
  const s = mobile.trim();
  if (s.length >= 8) return `${s.slice(0, 3)}****${s.slice(-4)}`;
  return s.length > 2 ? `${'*'.repeat(s.length - 2)}${s.slice(-2)}` : s;
}
