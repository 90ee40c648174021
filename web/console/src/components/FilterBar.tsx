import type { ReactNode } from 'react';

/** A list's filters: one wrapping row on a desktop, stacked full-width controls on a phone (console.css). */
export function FilterBar({ children }: { children: ReactNode }) {
  return <div className="sk-filter-bar">{children}</div>;
}
