import fs from "node:fs";
import path from "node:path";
import type { WorkerEnv } from "../../src/cli/read-worker-env";

/** The files in the data directory's media folder, relative to it (dot-names included), sorted; none when absent. */
export function mediaFiles(env: WorkerEnv): string[] {
  const root = path.join(env.dataDir, "media");
  if (!fs.existsSync(root)) return [];
  return (fs.readdirSync(root, { recursive: true }) as string[])
    .filter((name) => fs.statSync(path.join(root, name)).isFile())
    .sort();
}
