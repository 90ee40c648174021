import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { CURSOR_PARAM, readFilters, writeFilters, type FilterPatch, type FilterSpec, type FilterValues } from './url-state';
import { useFeedback } from '../components/feedback';
import type { Page } from '../types';

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/** Runs `load` when `deps` change; a late answer for an older request is ignored. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  const seq = useRef(0);
  useEffect(() => {
    const mine = ++seq.current;
    setState((s) => ({ ...s, loading: true, error: undefined }));
    load().then(
      (data) => mine === seq.current && setState({ data, loading: false }),
      (error: unknown) => mine === seq.current && setState((s) => ({ data: s.data, error, loading: false })),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}

/** Typed filters read from and written to the query string. */
export function useUrlFilters<S extends FilterSpec>(spec: S) {
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const filters = useMemo(() => readFilters(params, spec), [key]);
  const setFilters = useCallback(
    (patch: FilterPatch<S>) => setParams((current) => writeFilters(current, spec, patch)),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [setParams],
  );
  return { filters, setFilters, params, setParams };
}

/**
 * A server-paged list: the current cursor is in the URL with the filters; the cursors of the pages
 * before it are remembered while the filters stay the same, so "previous" works without the server
 * having to page backwards. After a reload, "first page" is the way back.
 */
export function useCursorList<T, S extends FilterSpec>(spec: S, fetchPage: (filters: FilterValues<S>, cursor: string | undefined) => Promise<Page<T>>) {
  const { filters, setFilters, params, setParams } = useUrlFilters(spec);
  const cursor = params.get(CURSOR_PARAM) ?? undefined;
  const filterKey = JSON.stringify(filters);
  const history = useRef<{ key: string; stack: Array<string | undefined> }>({ key: filterKey, stack: [] });
  if (history.current.key !== filterKey) history.current = { key: filterKey, stack: [] };
  const result = useLoad(() => fetchPage(filters, cursor), [filterKey, cursor]);

  const goTo = (next: string | undefined) =>
    setParams((current) => {
      const p = new URLSearchParams(current);
      if (next) p.set(CURSOR_PARAM, next);
      else p.delete(CURSOR_PARAM);
      return p;
    });
  return {
    ...result,
    filters,
    setFilters,
    pageNumber: history.current.stack.length + 1,
    isFirstPage: !cursor,
    hasNext: Boolean(result.data?.nextCursor),
    next: () => {
      if (!result.data?.nextCursor) return;
      history.current.stack.push(cursor);
      goTo(result.data.nextCursor);
    },
    previous: () => goTo(history.current.stack.pop()),
    first: () => {
      history.current.stack = [];
      goTo(undefined);
    },
  };
}

/**
 * Settings saved on the settings screen: the shell (which shows the store's name) reloads them.
 * A window event, so the screen need not know who shows what.
 */
export const SETTINGS_SAVED = 'shopkeeper:settings-saved';

/** Calls `handler` whenever `name` is dispatched on window. */
export function useWindowEvent(name: string, handler: () => void): void {
  useEffect(() => {
    window.addEventListener(name, handler);
    return () => window.removeEventListener(name, handler);
  }, [name, handler]);
}

/**
 * A screen's one-click actions (publish, cancel, pause, end, save…): run the request, toast `ok` when
 * there is something to say, then `reload` what the screen shows; a refusal is toasted with the
 * server's message and nothing is reloaded. Resolves true when the action went through (a dialog
 * can close then), false when it was refused. Returned as a promise, so a Popconfirm shows its OK
 * button loading until the answer comes.
 */
export function useAction(reload: () => void): (run: () => Promise<unknown>, ok?: string) => Promise<boolean> {
  const feedback = useFeedback();
  return async (run, ok) => {
    try {
      await run();
      if (ok) feedback.ok(ok);
      reload();
      return true;
    } catch (err) {
      feedback.fail(err);
      return false;
    }
  };
}
