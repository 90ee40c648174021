import type { AppLoadContext } from 'react-router';
// The load context's fields (document, hydrates) as the server declares them.
import './context';

/** Route handles: `hydrate` marks pages that load React in the browser (cart, checkout, account …). */
interface RouteHandle {
  hydrate?: boolean;
}

/** Whether a page with these route handles loads React in the browser; every other page is plain HTML. */
export function hydrates(handles: Iterable<unknown>): boolean {
  for (const h of handles) if ((h as RouteHandle | undefined)?.hydrate) return true;
  return false;
}

/** A route of the server build's manifest, as far as this file reads it. */
interface ManifestRoute {
  id: string;
  parentId?: string;
  path?: string;
  module: { handle?: unknown };
}

/**
 * Whether each page hydrates, keyed by the route pattern React Router gives every loader of a
 * request as `pattern` (its matched routes' paths joined: `p/:slug`, `en/cart`, `/` for the home
 * page). Worked out once from the build's routes and their handles, so a shared layout's loader
 * knows what the page below it will do.
 */
export function hydrationByPattern(routes: Record<string, ManifestRoute | undefined>): Map<string, boolean> {
  const byPattern = new Map<string, boolean>();
  const all = Object.values(routes).filter((r): r is ManifestRoute => r !== undefined);
  const parents = new Set(all.map((r) => r.parentId));
  for (const leaf of all) {
    if (parents.has(leaf.id)) continue; // layouts render only around a page
    const chain: ManifestRoute[] = [];
    for (let r: ManifestRoute | undefined = leaf; r; r = r.parentId ? routes[r.parentId] : undefined) chain.unshift(r);
    const pattern = chain.map((r) => r.path).filter(Boolean).join('/').replace(/[\\/]{2,}/g, '/') || '/';
    byPattern.set(pattern, hydrates(chain.map((r) => r.module.handle)));
  }
  return byPattern;
}

/**
 * Loader data of a plain-HTML page (home, category, search, product: no `handle.hydrate`), and of
 * the root and language layouts around one.
 *
 * React Router encodes every route's loader data into each document it renders (turbo-stream), for
 * the browser to hydrate with, even when the page ships no scripts and nothing ever reads it; for
 * these pages that encoding was a tenth of a fresh render. On a document request for such a page
 * the loaders return the data in a `ServerOnly` box instead: it has no enumerable fields, so the
 * encoder writes an empty object, while the server-side render opens it. Pages that hydrate, and
 * client navigations (`.data` requests), get the data itself.
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

export function plainPage<T>(args: { context: AppLoadContext; pattern: string }, value: T): PlainPageData<T> {
  return args.context.document && !args.context.hydrates(args.pattern) ? new ServerOnly(value) : value;
}

/** The data itself, from a loader result or a meta function's `data`. */
export function openPlainPage<T>(data: PlainPageData<T> | unknown): T {
  return (data instanceof ServerOnly ? data.value : data) as T;
}
