import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { buildWebIfStale } from "./build-web-if-stale";
import { E2E_PORT, e2eDatabaseUrl, e2eDataDir, repoRoot } from "./paths";
import { prepareDashboard } from "./prepare-dashboard";
import { startWebServer } from "./start-web-server";

declare module "vitest" {
  // Augmenting vitest's ProvidedContext requires an interface.
  export interface ProvidedContext {
    baseUrl: string;
  }
}

function timed<T>(label: string, run: () => T): T {
  const start = performance.now();
  const result = run();
  console.log(`[e2e] ${label}: ${((performance.now() - start) / 1000).toFixed(1)} s`);
  return result;
}

/**
 * Fresh database under var/e2e → demo shop in it → `next build` if stale → `next start` on port 3100 in its own
 * process group. The returned teardown kills that group.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  fs.rmSync(e2eDataDir, { recursive: true, force: true });
  fs.mkdirSync(e2eDataDir, { recursive: true });
  const sharedDir = process.env.JEWELGUIDE_SHARED_DIR ?? path.resolve(repoRoot, "../shared");
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: e2eDatabaseUrl,
    JEWELGUIDE_DATA_DIR: e2eDataDir,
    JEWELGUIDE_SHARED_DIR: sharedDir,
    NEXT_TELEMETRY_DISABLED: "1",
    TURBO_TELEMETRY_DISABLED: "1",
    CHECKPOINT_DISABLE: "1",
    NODE_ENV: "production",
  };

  timed("worker demo", () => {
    const result = spawnSync("bash", ["scripts/worker.sh", "demo"], { cwd: repoRoot, env, stdio: "inherit" });
    if (result.status !== 0) throw new Error(`scripts/worker.sh demo failed (exit ${result.status ?? result.signal})`);
  });

  // A quick real model (item-kNN, ~20 s) so the feed, guide and similar pieces are personalised. Evaluated offline: the
  // publish gates refuse a version without validation metrics, and the dashboard test compares its metrics.
  timed("worker train itemknn", () => {
    const args = ["scripts/worker.sh", "train", "--kind", "itemknn", "--publish"];
    const result = spawnSync("bash", args, { cwd: repoRoot, env, stdio: "inherit" });
    if (result.status !== 0) throw new Error(`scripts/worker.sh train failed (exit ${result.status ?? result.signal})`);
  });

  // The dashboard test's admin (random password) and a second version to compare, A/B test, promote and roll back.
  project.provide(
    "adminPassword",
    timed("dashboard admin + popularity candidate", () => prepareDashboard(env)),
  );

  const outcome = timed("next build (if stale)", () => buildWebIfStale(env));
  console.log(`[e2e] web build ${outcome}`);
  const server = await startWebServer(E2E_PORT, env);
  project.provide("baseUrl", server.url);
  return () => server.stop();
}
