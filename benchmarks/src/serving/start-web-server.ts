import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { readRssMb } from "./sample-rss";

export type WebServer = {
  baseUrl: string;
  /** The spawned `next start` (leader of its own process group). */
  pid: number;
  /** The processes that serve requests (title `next-server …`), one per web worker. */
  serverPids: number[];
  /** Kills the whole process group (SIGTERM, then SIGKILL after 5 s). */
  stop(): Promise<void>;
};

/** A port the OS reports free right now on 127.0.0.1. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts the production server as `npm run demo` does (`apps/web/scripts/serve.mjs`: Next's production request
 * handler in `workers` processes sharing the port, titled `next-server`) on a free port in a process group of its
 * own, against `databaseUrl`, and resolves once it answers HTTP and every worker is up. Its output goes to `log`
 * (prefixed).
 */
export async function startWebServer(options: {
  root: string;
  databaseUrl: string;
  dataDir: string;
  workers: number;
  log: { write(text: string): void };
  readyTimeoutMs?: number;
}): Promise<WebServer> {
  const port = await findFreePort();
  const child = spawn(
    process.execPath,
    [path.join(options.root, "apps/web/scripts/serve.mjs"), "-p", String(port), "-H", "127.0.0.1"],
    {
      cwd: path.join(options.root, "apps/web"),
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        DATABASE_URL: options.databaseUrl,
        JEWELGUIDE_DATA_DIR: options.dataDir,
        WEB_CONCURRENCY: String(options.workers),
      },
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const pid = child.pid;
  if (pid === undefined) throw new Error("could not start the web server");
  let exited: number | null | undefined;
  child.on("exit", (code) => {
    exited = code;
  });
  const forward = (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n")) if (line.trim()) options.log.write(`[next] ${line}\n`);
  };
  child.stdout?.on("data", forward);
  child.stderr?.on("data", forward);
  const stop = async () => {
    if (exited !== undefined) return;
    signalGroup(pid, "SIGTERM");
    const deadline = Date.now() + 5000;
    while (exited === undefined && Date.now() < deadline) await sleep(100);
    if (exited === undefined) signalGroup(pid, "SIGKILL");
    while (exited === undefined && Date.now() < deadline + 2000) await sleep(50);
  };
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.readyTimeoutMs ?? 60_000);
  try {
    for (;;) {
      if (exited !== undefined) throw new Error(`next start exited with code ${exited} before it was ready`);
      if (Date.now() > deadline) throw new Error(`next start did not answer on ${baseUrl} in time`);
      try {
        const response = await fetch(`${baseUrl}/api/trpc/catalog.listFacets`, { signal: AbortSignal.timeout(5000) });
        await response.arrayBuffer();
        break;
      } catch {
        await sleep(200);
      }
    }
    let serverPids = findServerPids(pid);
    while (serverPids.length < options.workers) {
      if (exited !== undefined) throw new Error(`the web server exited with code ${exited}`);
      if (Date.now() > deadline)
        throw new Error(`only ${serverPids.length} of ${options.workers} web processes started`);
      await sleep(200);
      serverPids = findServerPids(pid);
    }
    return { baseUrl, pid, serverPids, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** In the process group `pgid`: the processes titled `next-server` (the web workers). */
export function findServerPids(pgid: number): number[] {
  const members: Array<{ pid: number; title: string; rss: number }> = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      // Fields after the parenthesised command: state ppid pgrp …
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) !== pgid) continue;
      const title = fs.readFileSync(`/proc/${entry}/cmdline`, "utf8").replaceAll("\0", " ");
      members.push({ pid: Number(entry), title, rss: readRssMb(Number(entry)) ?? 0 });
    } catch {
      // The process went away while we looked.
    }
  }
  return members.filter((member) => member.title.startsWith("next-server")).map((member) => member.pid);
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // Already gone.
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
