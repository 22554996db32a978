import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { buildWebIfStale } from "./build-web-if-stale";
import { adminPasswordFile, e2eDataDir, repoRoot } from "./paths";
import { prepareDashboard } from "./prepare-dashboard";

/**
 * Run by playwright.config.ts's `webServer` command before it starts the shop (Playwright starts its web server
 * before any global setup, so the server's own command prepares what it serves): a fresh database under var/e2e →
 * the demo shop in it → a published item-kNN model → the dashboard's admin and a second version → `next build` if
 * stale. Its environment (the e2e database and data folder) comes from the `webServer.env` of the config.
 */
function timed<T>(label: string, run: () => T): T {
  const start = performance.now();
  const result = run();
  console.log(`[e2e] ${label}: ${((performance.now() - start) / 1000).toFixed(1)} s`);
  return result;
}

function worker(args: string[]): void {
  const result = spawnSync("bash", ["scripts/worker.sh", ...args], { cwd: repoRoot, stdio: "inherit" });
  if (result.status !== 0) {
    throw new Error(`scripts/worker.sh ${args.join(" ")} failed (exit ${result.status ?? result.signal})`);
  }
}

fs.rmSync(e2eDataDir, { recursive: true, force: true });
fs.mkdirSync(e2eDataDir, { recursive: true });

timed("worker demo", () => worker(["demo"]));

// A quick real model (item-kNN) so the feed, guide and similar pieces are personalised. Evaluated offline: the
// publish gates refuse a version without validation metrics, and the dashboard test compares its metrics.
timed("worker train itemknn", () => worker(["train", "--kind", "itemknn", "--publish"]));

// The dashboard test's admin (random password) and a second version to compare, A/B test, promote and roll back.
const password = timed("dashboard admin + popularity candidate", () => prepareDashboard(process.env));
fs.writeFileSync(adminPasswordFile, password, { mode: 0o600 });

const outcome = timed("next build (if stale)", () => buildWebIfStale(process.env));
console.log(`[e2e] web build ${outcome}`);
