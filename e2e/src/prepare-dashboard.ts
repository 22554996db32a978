import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import { adminPasswordFile, e2eDatabaseUrl, e2eDataDir, repoRoot } from "./paths";

export const E2E_ADMIN_EMAIL = "admin@e2e.test";

/** One row of `worker versions --json` (the fields the tests read). */
export type VersionRow = {
  id: number;
  kind: string;
  status: "active" | "candidate" | "retired" | "failed";
  metrics: { validation?: Record<string, number>; test?: Record<string, number> };
};

/** The environment the worker needs to act on the e2e database (never the developer's var/). */
export function e2eWorkerEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return { ...base, DATABASE_URL: e2eDatabaseUrl, JEWELGUIDE_DATA_DIR: e2eDataDir };
}

/** Runs `npm run worker -- <args>` (scripts/worker.sh) in `env`, `input` on its stdin; its stdout, or throws on failure. */
export function runWorkerCli(args: string[], env: NodeJS.ProcessEnv, input?: string): string {
  const result = spawnSync("bash", ["scripts/worker.sh", ...args], {
    cwd: repoRoot,
    env,
    input,
    encoding: "utf8",
    stdio: ["pipe", "pipe", "inherit"],
  });
  if (result.status !== 0) {
    throw new Error(`scripts/worker.sh ${args.join(" ")} failed (exit ${result.status ?? result.signal})`);
  }
  return result.stdout;
}

/**
 * For the dashboard test: an admin account with a random password (given to the worker on stdin, never on the command
 * line) and a second model version, a popularity candidate with offline metrics (~10 s), beside the active item-kNN.
 * Returns the password (prepare-e2e-shop.ts leaves it in `adminPasswordFile` for the tests).
 */
export function prepareDashboard(env: NodeJS.ProcessEnv): string {
  const password = crypto.randomBytes(18).toString("base64url");
  runWorkerCli(["create-admin", "--email", E2E_ADMIN_EMAIL], env, `${password}\n`);
  runWorkerCli(["train", "--kind", "popularity", "--quiet"], env);
  return password;
}

/** The model versions as the worker sees them in the e2e database. */
export function workerVersions(): VersionRow[] {
  return JSON.parse(runWorkerCli(["versions", "--json"], e2eWorkerEnv())) as VersionRow[];
}

/** The e2e admin's password, random per run (written by prepare-e2e-shop.ts before the server started). */
export function readAdminPassword(): string {
  return fs.readFileSync(adminPasswordFile, "utf8");
}
