import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { deriveServerSecrets, type ServerSecrets } from "@jewelguide/api";
import { createDb, type DbHandle } from "@jewelguide/db";
import { e2eDatabaseUrl, e2eDataDir } from "../paths";
import { startWebServer } from "../start-web-server";
import { findWebProcess } from "./web-process";

export type AbuseServer = {
  url: string;
  /** The next-server worker process that answers requests (its pid changes if it crashed and was restarted). */
  webPid: number;
  /** The keys the server derives from its secret: the tests act as the worker (simulator) with `workerToken`. */
  secrets: ServerSecrets;
  /** This server's own database (a copy of the e2e shop), for reading what the attacks stored. */
  database: DbHandle;
  databaseUrl: string;
  dataDir: string;
  /** serve.mjs's pid and exit code (the process group's leader). */
  primaryPid: number;
  exited: Promise<number | null>;
  stop: () => Promise<void>;
};

/**
 * A fresh `next start` (one web process, through serve.mjs as in production) on its own copy of the e2e shop: the
 * e2e database copied with `VACUUM INTO` (consistent while the shared server runs) and its media folder hard-linked.
 * The abuse tests flood rate-limit counters, lock logins and store forged events; on a copy none of that reaches the
 * shared e2e server that the other suites use. The secret is fresh per server and known to the test.
 */
export async function startAbuseServer(
  name: string,
  port: number,
  extraEnv: NodeJS.ProcessEnv = {},
): Promise<AbuseServer> {
  const dataDir = path.join(e2eDataDir, `abuse-${name}`);
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });
  const databaseFile = path.join(dataDir, "jewelguide.db");
  await copySqliteDatabase(databaseFile);
  linkTree(path.join(e2eDataDir, "media"), path.join(dataDir, "media"));

  const secret = crypto.randomBytes(32).toString("base64url");
  const databaseUrl = `file:${databaseFile}`;
  const server = await startWebServer(port, {
    ...process.env,
    DATABASE_URL: databaseUrl,
    JEWELGUIDE_DATA_DIR: dataDir,
    JEWELGUIDE_SECRET: secret,
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_ENV: "production",
    ...extraEnv,
  });
  const database = createDb(databaseUrl);
  return {
    url: server.url,
    webPid: findWebProcess(port),
    secrets: deriveServerSecrets(secret),
    database,
    databaseUrl,
    dataDir,
    primaryPid: server.pid,
    exited: server.exited,
    stop: async () => {
      await database.db.$disconnect();
      await server.stop();
    },
  };
}

/**
 * The e2e database as it is now (whatever the suites before changed), without its rate-limit counters: the copy's
 * server starts with none, as a fresh shop would, whatever the other suites' logins counted against 127.0.0.1.
 */
async function copySqliteDatabase(target: string): Promise<void> {
  const source = createDb(e2eDatabaseUrl);
  try {
    await source.db.$executeRawUnsafe(`VACUUM INTO '${target.replaceAll("'", "''")}'`);
  } finally {
    await source.db.$disconnect();
  }
  const copy = createDb(`file:${target}`);
  try {
    await copy.db.rateLimitCounter.deleteMany({});
  } finally {
    await copy.db.$disconnect();
  }
}

/** Hard links every file of `from` under `to` (the photos are read-only for the server; no copy needed). */
function linkTree(from: string, to: string): void {
  if (!fs.existsSync(from)) return;
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) linkTree(source, target);
    else if (entry.isFile()) fs.linkSync(source, target);
  }
}
