import path from "node:path";
import { defineConfig } from "@playwright/test";
import { E2E_PORT, e2eBaseUrl, e2eDatabaseUrl, e2eDataDir, repoRoot } from "./src/paths";

/** Debian's Chromium: Playwright never downloads a browser here (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 in the scripts). */
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * The shop's end-to-end tests: Debian Chromium against the production build, served as `npm run demo` serves it
 * (`apps/web/scripts/serve.mjs`) on its own database under var/e2e. Files run one after another in one worker (two
 * cores; the dashboard test publishes and rolls back versions the shop then serves); every test gets a fresh browser
 * context and page.
 */
export default defineConfig({
  testDir: "tests",
  testMatch: "**/*.test.ts",
  outputDir: "test-results",
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  // One retry in CI; a test that passes only on its retry is reported as flaky by the list reporter.
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"]],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: e2eBaseUrl,
    viewport: { width: 1280, height: 1000 },
    deviceScaleFactor: 1,
    // A Chinese browser (Accept-Language: zh-CN): the tests that expect the shop's Chinese pages get them whatever the
    // machine's locale; tests/language.test.ts sets other locales itself.
    locale: "zh-CN",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  // Prepares the shop (fresh database, demo import, models, admin, `next build` if stale: src/prepare-e2e-shop.ts),
  // then serves it with one web process: the dashboard test publishes and rolls back versions, and a second process
  // would pick those up only at its next 5 s check. Playwright stops the server's whole process group at the end.
  webServer: {
    command: `node --import tsx src/prepare-e2e-shop.ts && cd ${JSON.stringify(path.join(repoRoot, "apps/web"))} && exec node scripts/serve.mjs -p ${E2E_PORT}`,
    url: `${e2eBaseUrl}/`,
    reuseExistingServer: false,
    timeout: 15 * 60_000,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
    env: {
      DATABASE_URL: e2eDatabaseUrl,
      JEWELGUIDE_DATA_DIR: e2eDataDir,
      JEWELGUIDE_SHARED_DIR: process.env.JEWELGUIDE_SHARED_DIR ?? path.resolve(repoRoot, "../shared"),
      NEXT_TELEMETRY_DISABLED: "1",
      TURBO_TELEMETRY_DISABLED: "1",
      CHECKPOINT_DISABLE: "1",
      NODE_ENV: "production",
      WEB_CONCURRENCY: "1",
    },
  },
});
