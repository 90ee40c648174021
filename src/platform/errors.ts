import { interpolate, type Locale } from './i18n.js';

/**
 * Errors a client can cause are AppErrors with a stable code. Each code is defined once with
 * its HTTP status and a message in both languages; the HTTP layer turns it into problem+json.
 */
export interface ErrorDefinition {
  status: number;
  en: string;
  zh: string;
}

const registry = new Map<string, ErrorDefinition>();

/** Modules declare their error codes next to their service; returns the codes as constants. */
export function defineErrors<T extends Record<string, ErrorDefinition>>(defs: T): { [K in keyof T]: K } {
  const codes = {} as { [K in keyof T]: K };
  for (const [code, def] of Object.entries(defs)) {
    const earlier = registry.get(code);
    // A code means one thing everywhere: two modules defining it differently would answer with
    // whichever loaded last. Share the definition instead (CoreErrors).
    if (earlier && (earlier.en !== def.en || earlier.zh !== def.zh || earlier.status !== def.status)) {
      throw new Error(`Error code ${code} is defined twice with different meanings`);
    }
    registry.set(code, def);
    (codes as Record<string, string>)[code] = code;
  }
  return codes;
}

let traceLimit = Error.stackTraceLimit;

/**
 * The message for a code, and for a client's mistake (a 4xx) no stack trace for the Error about to
 * be made: such errors are answered, never logged with a trace, and capturing it was a tenth of a
 * refused flash-sale attempt's cost. AppError's constructor restores the limit right after `super`.
 */
function messageCapturingNoTrace(code: string, params: Record<string, unknown>): string {
  const def = registry.get(code);
  traceLimit = Error.stackTraceLimit;
  if ((def?.status ?? 500) < 500) Error.stackTraceLimit = 0;
  return def ? interpolate(def.en, params) : code;
}

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: string,
    readonly params: Record<string, unknown> = {},
    /** Extra machine-readable members for the problem document (e.g. the field errors). */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(messageCapturingNoTrace(code, params));
    Error.stackTraceLimit = traceLimit;
    this.status = registry.get(code)?.status ?? 500;
  }
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  [extra: string]: unknown;
}

export function problemOf(code: string, locale: Locale, params: Record<string, unknown> = {}, extra = {}): Problem {
  const def = registry.get(code) ?? registry.get(CoreErrors.INTERNAL)!;
  const text = locale === 'en' ? def.en : def.zh;
  return {
    type: `about:blank#${code}`,
    title: code,
    status: def.status,
    code,
    detail: interpolate(text, params),
    ...extra,
  };
}

export const CoreErrors = defineErrors({
  // One message for unknown account and wrong password (shoppers and staff), so sign-in does not reveal who has an account.
  INVALID_CREDENTIALS: { status: 401, en: 'The account or password is incorrect.', zh: '账号或密码错误。' },
  VALIDATION_FAILED: { status: 400, en: 'The request is not valid: {summary}', zh: '请求参数有误：{summary}' },
  INVALID_JSON: { status: 400, en: 'The request body is not valid JSON.', zh: '请求体不是有效的 JSON。' },
  BODY_TOO_LARGE: { status: 413, en: 'The request body is larger than {limit} bytes.', zh: '请求体超过 {limit} 字节上限。' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, en: 'Content type {type} is not supported here.', zh: '不支持的内容类型 {type}。' },
  ROUTE_NOT_FOUND: { status: 404, en: 'No such endpoint: {method} {url}', zh: '接口不存在：{method} {url}' },
  NOT_FOUND: { status: 404, en: 'Not found: {what}.', zh: '未找到：{what}。' },
  UNAUTHENTICATED: { status: 401, en: 'Please sign in first.', zh: '请先登录。' },
  FORBIDDEN: { status: 403, en: 'You do not have permission to {permission}.', zh: '您没有权限执行此操作（{permission}）。' },
  CSRF_INVALID: { status: 403, en: 'The CSRF token is missing or wrong.', zh: 'CSRF 令牌缺失或错误。' },
  RATE_LIMITED: { status: 429, en: 'Too many requests, try again in {retryAfter} seconds.', zh: '请求过于频繁，请 {retryAfter} 秒后再试。' },
  CONFLICT: { status: 409, en: 'The {what} was changed by someone else; reload and try again.', zh: '{what}已被他人修改，请刷新后重试。' },
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    en: 'This Idempotency-Key was already used with a different request.',
    zh: '该幂等键已用于另一个不同的请求。',
  },
  IDEMPOTENCY_IN_PROGRESS: {
    status: 409,
    en: 'A request with this Idempotency-Key is still being processed.',
    zh: '使用该幂等键的请求仍在处理中。',
  },
  INTERNAL: { status: 500, en: 'Something went wrong on our side.', zh: '服务器内部错误。' },
  SERVICE_UNAVAILABLE: { status: 503, en: 'The service is not ready.', zh: '服务尚未就绪。' },
});

export function notFound(what: string): AppError {
  return new AppError(CoreErrors.NOT_FOUND, { what });
}
