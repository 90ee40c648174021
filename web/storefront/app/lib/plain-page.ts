import type { AppLoadContext } from 'react-router';

/** Route handles: `hydrate` marks pages that load React in the browser (cart, checkout, account …). */
export interface RouteHandle {
  hydrate?: boolean;
}

/** Whether a page with these route handles loads React in the browser; every other page is plain HTML. */
export function hydrates(handles: Iterable<unknown>): boolean {
  for (const h of handles) if ((h as RouteHandle | undefined)?.hydrate) return true;
  return false;
}

/**
 * Loader data of a plain-HTML page (home, category, search, product: no `handle.hydrate`).
 *
 * React Router encodes every route's loader data into each document it renders (turbo-stream), for
 * the browser to hydrate with, even when the page ships no scripts and nothing ever reads it; for
 * these pages that encoding was a tenth of a fresh render. On a document request their loaders
 * return the data in a `ServerOnly` box instead: it has no enumerable fields, so the encoder writes
 * an empty object, while the server-side render opens it. Client navigations from a hydrated page
 * (`.data` requests) still get the data itself.
 */
export class ServerOnly<T> {
  readonly #value: T;
  constructor(value: T) {
    this.#value = value;
  }
  get value(): T {
    return this.#value;
  }
}

export type PlainPageData<T> = T | ServerOnly<T>;

export function plainPage<T>(context: AppLoadContext, value: T): PlainPageData<T> {
  return context.document ? new ServerOnly(value) : value;
}

/** The data itself, from a loader result or a meta function's `data`. */
export function openPlainPage<T>(data: PlainPageData<T> | unknown): T {
  return (data instanceof ServerOnly ? data.value : data) as T;
}
