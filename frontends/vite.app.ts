import react from "@vitejs/plugin-react";
import { defineConfig, type UserConfig } from "vite";

/**
 * The Vite settings every app shares. `base` is the path the app is served
 * under; `/config.js` stays at the server root, outside the bundle.
 */
export function appConfig(base: string, port: number): UserConfig {
  return defineConfig({
    base,
    plugins: [react()],
    server: { host: "127.0.0.1", port, strictPort: true },
    preview: { host: "127.0.0.1", port, strictPort: true },
    build: { outDir: "dist", emptyOutDir: true },
  });
}
