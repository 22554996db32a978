import path from "node:path";

/** The environment the worker runs in, read once at the entry point (scripts/env.sh sets the first three). */
export type WorkerEnv = {
  databaseUrl: string;
  dataDir: string;
  sharedDir: string;
  /** JEWELGUIDE_SECRET, the shop's master secret (unset: the generated `<data dir>/server-secret`, as the web app). */
  secret?: string;
  /** JEWELGUIDE_SHOPPER_LINK_SECRET, shared with the shop's backend to link logged-in customers (`link-token`). */
  shopperLinkSecret?: string;
};

export function readWorkerEnv(env: NodeJS.ProcessEnv = process.env): WorkerEnv {
  const dataDir = path.resolve(env.JEWELGUIDE_DATA_DIR ?? "var");
  return {
    databaseUrl: env.DATABASE_URL ?? `file:${path.join(dataDir, "jewelguide.db")}`,
    dataDir,
    sharedDir: path.resolve(env.JEWELGUIDE_SHARED_DIR ?? "../shared"),
    secret: env.JEWELGUIDE_SECRET,
    shopperLinkSecret: env.JEWELGUIDE_SHOPPER_LINK_SECRET,
  };
}
