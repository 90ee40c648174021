import type { AppLoadContext } from 'react-router';
import { catalogTags } from '../../../../src/web-contract';
import { stockTag } from '../../../../src/web-contract';

export { catalogTags, stockTag };

/** Shared layouts: the tags of what they show, without making the page cacheable on their own. */
export function tagPage(context: AppLoadContext, tags: string[]): void {
  for (const t of tags) context.page.tags.add(t);
}

/**
 * A page's loader opts in to the anonymous page cache with the tags of the API reads it shows.
 * `maxAgeMs` bounds pages whose data no tag names exactly (search listings: the index is rebuilt
 * in the background after an invalidation, so a render right after one may still see the old index).
 */
export function cachePage(context: AppLoadContext, tags: string[], maxAgeMs?: number): void {
  tagPage(context, tags);
  context.page.cacheable = true;
  if (maxAgeMs !== undefined) context.page.maxAgeMs = Math.min(context.page.maxAgeMs ?? maxAgeMs, maxAgeMs);
}
