import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { webDir } from "./paths";

/** `pid`: serve.mjs's primary, leader of the server's process group (its web processes are titled `next-server`). */
export type WebServer = {
  url: string;
  pid: number;
  /** serve.mjs's exit code once it has exited (null when killed by a signal). */
  exited: Promise<number | null>;
  stop: () => Promise<void>;
};

/**
 * Starts the production server as `npm run demo` does (`apps/web/scripts/serve.mjs`: Next's production request handler
 * under node:cluster)
 * in its own process group (next-server outlives its parent otherwise), waits until `readyPath` (default the home
 * page) answers, and stops the whole group on `stop()`. A test about what the first request does polls a static file
 * instead, so the readiness check itself renders nothing. One web process unless the environment says otherwise: the
 * dashboard tests publish and roll back versions, and a second process would pick those up only at its next 5 s check.
 */
export async function startWebServer(
  port: number,
  env: NodeJS.ProcessEnv,
  timeoutMs = 60_000,
  readyPath = "/",
): Promise<WebServer> {
  const url = `http://localhost:${port}`;
  const child = spawn(process.execPath, [path.join(webDir, "scripts/serve.mjs"), "-p", String(port)], {
    cwd: webDir,
    env: { WEB_CONCURRENCY: "1", ...env },
    detached: true,
    stdio: ["ignore", "inherit", "inherit"],
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const stop = () => stopGroup(child, exited);
  try {
    await waitForHttp(`${url}${readyPath}`, exited, timeoutMs);
  } catch (error) {
    await stop();
    throw error;
  }
  if (child.pid === undefined) throw new Error("serve.mjs did not start");
  return { url, pid: child.pid, exited, stop };
}

async function waitForHttp(url: string, exited: Promise<number | null>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let stopped = false;
  void exited.then(() => {
    stopped = true;
  });
  let lastError = "no answer yet";
  while (Date.now() < deadline) {
    if (stopped) throw new Error(`next start exited before answering ${url}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      if (response.ok) return;
      lastError = `HTTP ${response.status}`;
    } catch (error) {
      lastError = (error as Error).message;
    }
    // Poll again once the event loop has had a moment (no fixed test sleeps: this is a readiness poll).
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`next start did not answer ${url} within ${timeoutMs} ms (${lastError})`);
}

async function stopGroup(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  const pid = child.pid;
  if (pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pid, signal);
    } catch {
      // the group is already gone
    }
  };
  signalGroup("SIGTERM");
  const timer = setTimeout(() => signalGroup("SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
  // Children of the group (next-server) may outlive the leader: make sure none is left.
  signalGroup("SIGKILL");
}
