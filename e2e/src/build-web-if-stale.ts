import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { repoRoot, webDir } from "./paths";

/** Newest modification time of any file under the folders (node_modules, .next and generated skipped). */
function newestMtime(paths: string[]): number {
  let newest = 0;
  const visit = (entry: string) => {
    const stat = fs.statSync(entry, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(entry)) {
        if (name === "node_modules" || name === ".next" || name === "generated") continue;
        visit(path.join(entry, name));
      }
    } else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const entry of paths) visit(entry);
  return newest;
}

/** Runs `next build` when there is no build or any web, api, db or model source is newer than it. */
export function buildWebIfStale(env: NodeJS.ProcessEnv): "built" | "fresh" {
  const buildId = path.join(webDir, ".next/BUILD_ID");
  const built = fs.statSync(buildId, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  const sources = newestMtime([
    path.join(webDir, "src"),
    path.join(webDir, "next.config.ts"),
    path.join(webDir, "postcss.config.mjs"),
    path.join(webDir, "package.json"),
    path.join(repoRoot, "packages/api/src"),
    path.join(repoRoot, "packages/db/src"),
    path.join(repoRoot, "packages/i18n/src"),
    path.join(repoRoot, "packages/model/src"),
    path.join(repoRoot, "prisma/schema.prisma"),
  ]);
  if (built > sources) return "fresh";
  const result = spawnSync(path.join(webDir, "node_modules/.bin/next"), ["build"], {
    cwd: webDir,
    env,
    stdio: "inherit",
  });
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status ?? result.signal})`);
  return "built";
}
