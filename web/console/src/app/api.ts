import { createApi, ApiError } from '../../../shared/api';
import { currentLanguage } from '../i18n';

/**
 * The console's one instance of the shared client. The session cookie travels by itself; the CSRF
 * token (from sign-in or adminMe) is kept here in memory so every unsafe request carries it.
 */
let csrfToken: string | undefined;
let onUnauthenticated: (() => void) | undefined;

export const setCsrfToken = (token: string | undefined) => {
  csrfToken = token;
};
/** The session registers how to react when the server says the session is gone (401). */
export const setUnauthenticatedHandler = (fn: () => void) => {
  onUnauthenticated = fn;
};

const raw = createApi({ csrfToken: () => csrfToken, locale: () => currentLanguage() });

async function guarded<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) onUnauthenticated?.();
    throw err;
  }
}

export const api = {
  get: <T>(path: string, query?: Parameters<typeof raw.get>[1]) => guarded(raw.get<T>(`/api/admin${path}`, query)),
  post: <T>(path: string, body?: unknown, headers?: Record<string, string>) => guarded(raw.post<T>(`/api/admin${path}`, body, headers)),
  patch: <T>(path: string, body?: unknown) => guarded(raw.patch<T>(`/api/admin${path}`, body)),
  put: <T>(path: string, body?: unknown) => guarded(raw.request<T>('PUT', `/api/admin${path}`, body)),
  /** Raw CSV bodies (imports): the server reads UTF-8 or GBK bytes, so send the file as it is. */
  postCsv: <T>(path: string, file: Blob) => guarded(raw.request<T>('POST', `/api/admin${path}`, file, { headers: { 'content-type': 'text/csv' } })),
  /** A file as the raw body (image uploads): the server sniffs the format from the bytes. */
  postFile: <T>(path: string, file: Blob) =>
    guarded(raw.request<T>('POST', `/api/admin${path}`, file, { headers: { 'content-type': file.type || 'application/octet-stream' } })),
  download: (path: string, query?: Parameters<typeof raw.get>[1], onProgress?: (bytes: number) => void) =>
    guarded(raw.download(`/api/admin${path}`, query, onProgress)),
};

export { ApiError };
