/**
 * Runtime configuration. The web server that hosts an app writes `/config.js`,
 * which sets `window.SAAI_CONFIG` before the bundle runs, so one build serves
 * every environment. A Vite dev server has no such file: the `VITE_*`
 * variables cover that case.
 */

export interface SaaiConfig {
  apiUrl: string;
  wsUrl: string;
}

declare global {
  interface Window {
    SAAI_CONFIG?: Partial<SaaiConfig>;
  }
}

function withoutTrailingSlash(url: string): string {
  return url.replace(/\/+$/, "");
}

export function readConfig(): SaaiConfig {
  const fromServer =
    typeof window === "undefined" ? undefined : window.SAAI_CONFIG;
  const env = import.meta.env ?? {};
  const apiUrl = fromServer?.apiUrl || env.VITE_API_URL || "";
  const wsUrl = fromServer?.wsUrl || env.VITE_WS_URL || "";
  return {
    apiUrl: withoutTrailingSlash(String(apiUrl)),
    wsUrl: String(wsUrl),
  };
}
