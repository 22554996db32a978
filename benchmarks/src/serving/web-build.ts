import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/** What a production build of apps/web is made from: a newer file here means the build is stale. */
const SOURCE_DIRS = ["apps/web/src", "apps/web/public", "packages/api/src", "packages/db/src", "packages/model/src"];
const SOURCE_FILES = ["apps/web/next.config.ts", "apps/web/package.json", "apps/web/postcss.config.mjs"];

export type BuildState = { built: boolean; stale: boolean; newestSource?: string };

/** Whether apps/web/.next holds a production build newer than every source file (tests excluded). */
export function inspectWebBuild(root: string): BuildState {
  const buildId = path.join(root, "apps/web/.next/BUILD_ID");
  if (!fs.existsSync(buildId)) return { built: false, stale: true };
  const builtAt = fs.statSync(buildId).mtimeMs;
  let newest = { at: 0, file: "" };
  const visit = (file: string) => {
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(file)) {
        if (entry !== "node_modules" && !entry.startsWith(".")) visit(path.join(file, entry));
      }
    } else if (!/\.(test|tmp)\.tsx?$/.test(file) && stat.mtimeMs > newest.at) {
      newest = { at: stat.mtimeMs, file };
    }
  };
  for (const entry of [...SOURCE_DIRS, ...SOURCE_FILES]) visit(path.join(root, entry));
  return { built: true, stale: newest.at > builtAt, newestSource: path.relative(root, newest.file) };
}

/** Runs `next build` in apps/web, its output going to `log`. */
export function buildWeb(root: string, log: { write(text: string): void }): Promise<void> {
  const child = spawn(path.join(root, "apps/web/node_modules/.bin/next"), ["build"], {
    cwd: path.join(root, "apps/web"),
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.on("data", (chunk: Buffer) => log.write(chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => log.write(chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve() : reject(new Error(`next build failed (exit ${code}); see the output above`)),
    );
  });
}
