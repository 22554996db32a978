import path from "node:path";

/** The environment the worker runs in, read once at the entry point (scripts/env.sh sets all three). */
export type WorkerEnv = {
  databaseUrl: string;
  dataDir: string;
  sharedDir: string;
};

export function readWorkerEnv(env: NodeJS.ProcessEnv = process.env): WorkerEnv {
  const dataDir = path.resolve(env.JEWELGUIDE_DATA_DIR ?? "var");
  return {
    databaseUrl: env.DATABASE_URL ?? `file:${path.join(dataDir, "jewelguide.db")}`,
    dataDir,
    sharedDir: path.resolve(env.JEWELGUIDE_SHARED_DIR ?? "../shared"),
  };
}
