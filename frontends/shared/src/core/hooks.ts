import { useCallback, useEffect, useRef, useState } from "react";

import type { Page } from "./client";
import { ApiError, toApiError } from "./errors";

export interface Resource<T> {
  data: T | undefined;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
}

/**
 * Loads one thing and reloads it on demand. A reload keeps the data already
 * shown until the new answer arrives, so a live refresh does not flash, and
 * an answer that arrives after a newer request started is dropped.
 */
export function useResource<T>(
  load: () => Promise<T>,
  deps: readonly unknown[],
): Resource<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const [version, setVersion] = useState(0);
  const latest = useRef(0);

  useEffect(() => {
    const request = ++latest.current;
    setLoading(true);
    load().then(
      (value) => {
        if (request !== latest.current) return;
        setData(value);
        setError(null);
        setLoading(false);
      },
      (reason: unknown) => {
        if (request !== latest.current) return;
        setError(toApiError(reason));
        setLoading(false);
      },
    );
    // `load` is rebuilt on every render; `deps` says when it really changes.
  }, [...deps, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data, error, loading, reload };
}

export interface PagedList<T> {
  items: T[];
  error: ApiError | null;
  loading: boolean;
  hasMore: boolean;
  loadMore: () => void;
  reload: () => void;
  /** Replaces one loaded item, e.g. after a PATCH answered it. */
  replace: (match: (item: T) => boolean, next: T) => void;
  remove: (match: (item: T) => boolean) => void;
}

/** A contract list (`{items, siguiente}`) read page by page ("Ver más"). */
export function usePagedList<T>(
  loadPage: (siguiente: string | null) => Promise<Page<T>>,
  deps: readonly unknown[],
): PagedList<T> {
  const [items, setItems] = useState<T[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const [version, setVersion] = useState(0);
  const latest = useRef(0);
  const loader = useRef(loadPage);
  loader.current = loadPage;

  const fetchPage = useCallback((siguiente: string | null) => {
    const request = ++latest.current;
    setLoading(true);
    loader.current(siguiente).then(
      (page) => {
        if (request !== latest.current) return;
        setItems((current) =>
          siguiente ? [...current, ...page.items] : page.items,
        );
        setNext(page.siguiente ?? null);
        setError(null);
        setLoading(false);
      },
      (reason: unknown) => {
        if (request !== latest.current) return;
        setError(toApiError(reason));
        setLoading(false);
      },
    );
  }, []);

  useEffect(() => {
    fetchPage(null);
  }, [...deps, version, fetchPage]);

  return {
    items,
    error,
    loading,
    hasMore: next !== null,
    loadMore: () => {
      if (next !== null && !loading) fetchPage(next);
    },
    reload: useCallback(() => setVersion((v) => v + 1), []),
    replace: (match, value) =>
      setItems((current) => current.map((i) => (match(i) ? value : i))),
    remove: (match) => setItems((current) => current.filter((i) => !match(i))),
  };
}

/** A value that settles `delay` ms after it stops changing (search boxes). */
export function useDebounced<T>(value: T, delay = 250): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), delay);
    return () => window.clearTimeout(timer);
  }, [value, delay]);
  return settled;
}

/** State kept in sessionStorage, so it survives moving between screens. */
export function useStoredState<T>(
  key: string,
  initial: T,
): [T, (next: T | ((current: T) => T)) => void] {
  const [value, setValue] = useState<T>(() => {
    try {
      const stored = window.sessionStorage.getItem(key);
      return stored === null ? initial : (JSON.parse(stored) as T);
    } catch {
      return initial;
    }
  });

  useEffect(() => {
    window.sessionStorage.setItem(key, JSON.stringify(value));
  }, [key, value]);

  return [value, setValue];
}
