/**
 * The self-referral guard's comparisons, pure. An invite between two accounts of one person is what
 * the guard looks for: the same e-mail or mobile written differently, the same delivery address,
 * the same browser. Each returns a key two records share exactly when they are "the same".
 */

/** `Li.Si+promo@Example.com` and `lisi@example.com` are one mailbox for the providers that matter. */
export function emailKey(email: string | null | undefined): string | null {
  if (!email) return null;
  const [local, domain] = email.trim().toLowerCase().split('@');
  if (!local || !domain) return null;
  const base = local.split('+')[0]!;
  const gmail = domain === 'gmail.com' || domain === 'googlemail.com';
  return `${gmail ? base.replaceAll('.', '') : base}@${gmail ? 'gmail.com' : domain}`;
}

/** The 11 digits of a mainland mobile number, however it was written (+86, spaces, dashes). */
export function mobileKey(mobile: string | null | undefined): string | null {
  if (!mobile) return null;
  const digits = mobile.replace(/\D/g, '');
  const local = digits.length === 13 && digits.startsWith('86') ? digits.slice(2) : digits;
  return local.length === 11 ? local : null;
}

/** A delivery address as a key: the district and the street detail, without spaces or punctuation. */
export function addressKey(a: { districtCode: string; detail: string }): string {
  const detail = a.detail
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s,，.。·\-—_#＃号]/g, '');
  return `${a.districtCode}|${detail}`;
}

/** How an invitee appears to the inviter: 138****0000, l***@example.com, or 张*. */
export function maskContact(c: { name: string | null; mobile: string | null; email: string | null }): string {
  if (c.mobile && c.mobile.length >= 7) return `${c.mobile.slice(0, 3)}****${c.mobile.slice(-4)}`;
  if (c.email) {
    const [local, domain] = c.email.split('@');
    return `${Array.from(local ?? '')[0] ?? ''}***@${domain ?? ''}`;
  }
  const first = Array.from(c.name?.trim() ?? '')[0];
  return first ? `${first}*` : '***';
}
