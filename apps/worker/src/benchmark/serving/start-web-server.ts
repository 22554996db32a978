import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { readRssMb } from "./sample-rss";

export type WebServer = {
  baseUrl: string;
  /** The spawned `next start` (leader of its own process group). */
  pid: number;
  /** The process that serves requests (title `next-server …`), whose RSS is the web process's. */
  serverPid: number;
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
 * Starts the production build (`next start`) on a free port in a process group of its own, against `databaseUrl`,
 * and resolves once it answers HTTP. Its output goes to `log` (prefixed).
 */
export async function startWebServer(options: {
  root: string;
  databaseUrl: string;
  dataDir: string;
  log: { write(text: string): void };
  readyTimeoutMs?: number;
}): Promise<WebServer> {
  const port = await findFreePort();
  const child = spawn(
    path.join(options.root, "apps/web/node_modules/.bin/next"),
    ["start", "-p", String(port), "-H", "127.0.0.1"],
    {
      cwd: path.join(options.root, "apps/web"),
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        DATABASE_URL: options.databaseUrl,
        JEWELGUIDE_DATA_DIR: options.dataDir,
      },
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const pid = child.pid;
  if (pid === undefined) throw new Error("could not start next start");
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
    return { baseUrl, pid, serverPid: findServerPid(pid), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** In the process group `pgid`: the process titled `next-server`, else the one with the largest RSS. */
export function findServerPid(pgid: number): number {
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
  const titled = members.find((member) => member.title.startsWith("next-server"));
  const largest = members.sort((a, b) => b.rss - a.rss)[0];
  return titled?.pid ?? largest?.pid ?? pgid;
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
