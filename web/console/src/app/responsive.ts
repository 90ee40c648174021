import { useSyncExternalStore } from 'react';

/**
 * A phone: narrower than antd's `md` breakpoint (768 px). console.css switches at the same width.
 * Read from matchMedia synchronously, so the first paint on a phone already has the phone layout.
 */
export const NARROW_QUERY = '(max-width: 767.98px)';

function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia(NARROW_QUERY);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

export function useNarrow(): boolean {
  return useSyncExternalStore(subscribe, () => window.matchMedia(NARROW_QUERY).matches, () => false);
}
