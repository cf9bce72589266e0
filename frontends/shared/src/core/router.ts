/**
 * Screens live in the URL hash (`#/inventario/T002P001/kardex`): every app is
 * a static bundle under its own base path, and the hash needs no rewrites on
 * the web server.
 */

import { useEffect, useState } from "react";

function currentPath(): string {
  const hash = window.location.hash.replace(/^#/, "");
  return hash.startsWith("/") ? hash : `/${hash}`;
}

export function useHashPath(): string {
  const [path, setPath] = useState(currentPath);
  useEffect(() => {
    const update = () => setPath(currentPath());
    window.addEventListener("hashchange", update);
    return () => window.removeEventListener("hashchange", update);
  }, []);
  return path;
}

export function navigate(path: string): void {
  window.location.hash = path;
}

export type RouteParams = Record<string, string>;

/** `/inventario/:codigo/kardex` against a path; the params when it matches. */
export function matchPath(pattern: string, path: string): RouteParams | null {
  const wanted = pattern.split("/").filter(Boolean);
  const given = path.split("?")[0].split("/").filter(Boolean);
  if (wanted.length !== given.length) return null;
  const params: RouteParams = {};
  for (let i = 0; i < wanted.length; i++) {
    if (wanted[i].startsWith(":")) {
      params[wanted[i].slice(1)] = decodeURIComponent(given[i]);
    } else if (wanted[i] !== given[i]) {
      return null;
    }
  }
  return params;
}
