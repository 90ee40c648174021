/**
 * The one HTTP client the storefront and the console use to talk to the core API
 * (`/api/store`, `/api/admin`). Errors come back as problem+json; this turns them into `ApiError`
 * with the stable `code` and the server's message in the caller's language.
 *
 * Types of bodies come from the server's Zod schemas (`z.infer<typeof …>`, type-only imports), so
 * the web apps follow the same contract as the OpenAPI document without a second definition.
 */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  errors?: Array<{ in: string; path: string; message: string }>;
  [extra: string]: unknown;
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail);
  }
  get status() {
    return this.problem.status;
  }
  get code() {
    return this.problem.code;
  }
}

export type Query = Record<string, string | number | boolean | undefined | null | Array<string | number>>;

export interface ApiOptions {
  /** '' in the browser (same origin); the server's own URL, or a bridge `fetch`, on the server. */
  baseUrl?: string;
  fetch?: typeof fetch;
  /** Extra headers on every request: cookies forwarded during SSR, a bearer token, … */
  headers?: () => Record<string, string | undefined>;
  /** X-CSRF-Token for unsafe requests authenticated by a cookie. */
  csrfToken?: () => string | undefined;
  /** Accept-Language: the UI's language, so problem messages come back in it. */
  locale?: () => string | undefined;
}

export function toQueryString(query?: Query): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) for (const v of value) params.append(key, String(v));
    else params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

export function createApi(opts: ApiOptions = {}) {
  const doFetch = opts.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));

  async function request<T>(method: string, path: string, body?: unknown, init: { query?: Query; headers?: Record<string, string> } = {}): Promise<T> {
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(opts.headers?.() ?? {})) if (v !== undefined) headers[k] = v;
    const locale = opts.locale?.();
    if (locale) headers['accept-language'] = locale;
    if (method !== 'GET' && method !== 'HEAD') {
      const csrf = opts.csrfToken?.();
      if (csrf) headers['x-csrf-token'] = csrf;
    }
    let payload: BodyInit | undefined;
    // Raw bodies (a CSV file picked by the user, form data) go as they are; everything else is JSON.
    if (body instanceof FormData || typeof body === 'string' || (typeof Blob !== 'undefined' && body instanceof Blob)) payload = body;
    else if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const res = await doFetch(`${opts.baseUrl ?? ''}${path}${toQueryString(init.query)}`, {
      method,
      headers: { ...headers, ...init.headers },
      body: payload,
      credentials: 'same-origin',
    });
    if (res.status === 204) return undefined as T;
    const type = res.headers.get('content-type') ?? '';
    if (!res.ok) {
      const problem: Problem = type.includes('json')
        ? await res.json()
        : { type: 'about:blank', title: 'HTTP_ERROR', status: res.status, code: 'HTTP_ERROR', detail: res.statusText || `HTTP ${res.status}` };
      throw new ApiError(problem);
    }
    return (type.includes('json') ? res.json() : res.text()) as Promise<T>;
  }

  /**
   * A file the server streams (CSV exports): the body is read chunk by chunk so the caller can show
   * how much has arrived; errors are problem+json like every other request.
   */
  async function download(path: string, query?: Query, onProgress?: (receivedBytes: number) => void): Promise<{ blob: Blob; filename: string | null }> {
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(opts.headers?.() ?? {})) if (v !== undefined) headers[k] = v;
    const locale = opts.locale?.();
    if (locale) headers['accept-language'] = locale;
    const res = await doFetch(`${opts.baseUrl ?? ''}${path}${toQueryString(query)}`, { method: 'GET', headers, credentials: 'same-origin' });
    if (!res.ok) {
      const type = res.headers.get('content-type') ?? '';
      const problem: Problem = type.includes('json')
        ? await res.json()
        : { type: 'about:blank', title: 'HTTP_ERROR', status: res.status, code: 'HTTP_ERROR', detail: res.statusText || `HTTP ${res.status}` };
      throw new ApiError(problem);
    }
    const disposition = res.headers.get('content-disposition') ?? '';
    const filename = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? null;
    const chunks: Uint8Array[] = [];
    let received = 0;
    const reader = res.body?.getReader();
    if (!reader) return { blob: await res.blob(), filename };
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.byteLength;
      onProgress?.(received);
    }
    return { blob: new Blob(chunks as BlobPart[], { type: res.headers.get('content-type') ?? 'application/octet-stream' }), filename };
  }

  return {
    request,
    download,
    get: <T>(path: string, query?: Query, headers?: Record<string, string>) => request<T>('GET', path, undefined, { query, headers }),
    post: <T>(path: string, body?: unknown, headers?: Record<string, string>) => request<T>('POST', path, body, { headers }),
    put: <T>(path: string, body?: unknown, headers?: Record<string, string>) => request<T>('PUT', path, body, { headers }),
    patch: <T>(path: string, body?: unknown, headers?: Record<string, string>) => request<T>('PATCH', path, body, { headers }),
    delete: <T>(path: string, headers?: Record<string, string>) => request<T>('DELETE', path, undefined, { headers }),
  };
}

export type Api = ReturnType<typeof createApi>;
