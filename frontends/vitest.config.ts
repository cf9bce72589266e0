import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["shared/src/**/*.test.ts", "*/src/**/*.test.ts"],
    environment: "node",
  },
});
