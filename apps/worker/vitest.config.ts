import { defineConfig } from "vitest/config";

// Slow tests (the real REES46 file) run only with JEWELGUIDE_SLOW_TESTS=1.
const slow = process.env.JEWELGUIDE_SLOW_TESTS === "1";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: slow ? ["**/node_modules/**"] : ["**/node_modules/**", "**/*.slow.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
