import { defineErrors } from '../errors.js';

export const SignInErrors = defineErrors({
  SIGN_IN_THROTTLED: {
    status: 429,
    en: 'Too many failed attempts. To protect the account, please wait {waitEn} and try again.',
    zh: '尝试失败次数过多。为保护账号安全，请 {waitZh}后再试。',
  },
});

/** "in 2 minutes" in each language, for a wait given in Retry-After seconds. */
export function waitParams(seconds: number): { waitEn: string; waitZh: string } {
  if (seconds < 60) return { waitEn: `${seconds} second${seconds === 1 ? '' : 's'}`, waitZh: `${seconds} 秒` };
  const minutes = Math.ceil(seconds / 60);
  return { waitEn: `${minutes} minute${minutes === 1 ? '' : 's'}`, waitZh: `${minutes} 分钟` };
}

/** A refused attempt's answer carries Retry-After (the platform's error handler does not set it). */
export async function withRetryAfter<T>(reply: { header(name: string, value: string): unknown }, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    const retryAfter = (err as { status?: number; extra?: { retryAfter?: unknown } }).extra?.retryAfter;
    if ((err as { status?: number }).status === 429 && typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter));
    throw err;
  }
}
