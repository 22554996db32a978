import path from "node:path";

export const repoRoot = path.resolve(import.meta.dirname, "../..");
export const webDir = path.join(repoRoot, "apps/web");
/** Everything the e2e run writes: its own database and media folder, never the developer's var/. */
export const e2eDataDir = path.join(repoRoot, "var/e2e");
export const e2eDatabaseFile = path.join(e2eDataDir, "jewelguide.db");
export const e2eDatabaseUrl = `file:${e2eDatabaseFile}`;
/** The e2e admin's password: random per run, written (owner-only) by the shop's preparation, read by the tests. */
export const adminPasswordFile = path.join(e2eDataDir, "admin-password");
/**
 * The home-page screenshot the e2e run takes. It lands in var/e2e unless JEWELGUIDE_UPDATE_SCREENSHOT=1, which
 * refreshes the README's docs/screenshot-home.png (so a test run never dirties the working tree by itself).
 */
export const screenshotFile =
  process.env.JEWELGUIDE_UPDATE_SCREENSHOT === "1"
    ? path.join(repoRoot, "docs/screenshot-home.png")
    : path.join(repoRoot, "var/e2e/screenshot-home.png");
export const E2E_PORT = 3100;
/** The shared e2e server that playwright.config.ts's `webServer` starts (also the tests' `baseURL`). */
export const e2eBaseUrl = `http://localhost:${E2E_PORT}`;
