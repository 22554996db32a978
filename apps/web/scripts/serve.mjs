#!/usr/bin/env node
// The production web server: the production build served by WEB_CONCURRENCY processes sharing one port through
// node:cluster, so every core serves requests — one Node process uses one core. Every process loads the active model
// once and polls for a new active version on its own; shopper events are read from the database on every request,
// so any process sees what another just logged.
//
//   node scripts/serve.mjs [-p PORT] [-H HOSTNAME]      WEB_CONCURRENCY=N (default: the number of CPUs)
//
// Each process is a small custom server around Next's own request handler (`next({ dev: false })` +
// `getRequestHandler()`: the same router server `next start` runs), so it can tell the app who is asking. On every
// request it overwrites the header x-jewelguide-client-address with the socket's peer address (whatever the client
// sent there is gone): server components and server actions see only headers, and rate-limit by it. Unless
// JEWELGUIDE_TRUST_PROXY=1 says a reverse proxy in front sets them, the client's own x-forwarded-for / -host / -proto
// / -port headers are dropped too, so Next fills them from the socket instead of believing the client.
//
// Crashes: a web process that exits is replaced after a back-off per slot (0.5 s, doubling up to 30 s while it keeps
// crashing within a minute of starting; a process that ran a minute starts afresh: restart-policy.mjs), and every
// crash is logged with its exit code and the next delay. The server as a whole stops only while it has never served
// at all — 3 failed starts in a row before any process listened (a missing build, a bad environment: restarting
// cannot help, and the caller should see the failure at once). Once it has served, workers that crash are restarted
// forever and the primary stays up: a loud log and a slower restart beat a shop that is down.
//
// Shutdown (SIGTERM or SIGINT): each web process first answers /readyz with 503 for JEWELGUIDE_SHUTDOWN_DRAIN_MS
// (default 0; behind a load balancer set it to the balancer's probe interval so it stops sending first), then stops
// accepting connections, lets the requests in flight finish (at most JEWELGUIDE_SHUTDOWN_GRACE_MS, default 10 s; keep-
// alive connections are told `Connection: close`), closes its database connections and exits 0 — or, past the grace,
// drops what is left and exits 1. The primary waits for its processes that long before it exits.
//
// Logs: one JSON line per event on stdout (pino, like the app's serverLogger in @jewelguide/api/logging), named
// "serve"; a request that fails outside the app gets a requestId, logged and sent back as X-Request-Id.
import cluster from "node:cluster";
import crypto from "node:crypto";
import http from "node:http";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { pino } from "pino";
import { planRestart, RESTART_POLICY, shouldGiveUp } from "./restart-policy.mjs";

const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Must equal CLIENT_ADDRESS_HEADER in packages/api/src/http/read-request-client.ts. */
const CLIENT_ADDRESS_HEADER = "x-jewelguide-client-address";
const FORWARDED_HEADERS = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port"];

const log = pino({ name: "serve" });

function readOptions(argv) {
  const options = { port: Number(process.env.PORT ?? 3000), hostname: undefined };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if ((flag === "-p" || flag === "--port") && value !== undefined) options.port = Number(value);
    else if ((flag === "-H" || flag === "--hostname") && value !== undefined) options.hostname = value;
    else throw new Error(`unknown argument '${flag}' (expected -p PORT, -H HOSTNAME)`);
    i++;
  }
  if (!Number.isInteger(options.port) || options.port <= 0 || options.port > 65535) {
    throw new Error(`port must be an integer in 1..65535, got '${options.port}'`);
  }
  return options;
}

/** A duration setting in milliseconds: a whole number in 0..600000, or the default when unset. */
function readMilliseconds(name, defaultMs) {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return defaultMs;
  const ms = Number(raw);
  if (!Number.isInteger(ms) || ms < 0 || ms > 600_000) {
    throw new Error(`${name} must be a whole number of milliseconds in 0..600000, got '${raw}'`);
  }
  return ms;
}

function readShutdownSettings() {
  return {
    drainMs: readMilliseconds("JEWELGUIDE_SHUTDOWN_DRAIN_MS", 0),
    graceMs: readMilliseconds("JEWELGUIDE_SHUTDOWN_GRACE_MS", 10_000),
  };
}

function readWorkerCount() {
  const raw = process.env.WEB_CONCURRENCY;
  if (raw === undefined || raw === "") return os.availableParallelism();
  const count = Number(raw);
  if (!Number.isInteger(count) || count < 1 || count > 64) {
    throw new Error(`WEB_CONCURRENCY must be an integer in 1..64, got '${raw}'`);
  }
  return count;
}

function runPrimary() {
  const workers = readWorkerCount();
  const shutdown = readShutdownSettings();
  /** Per worker slot: its back-off state. Per live process (cluster id): its slot and start time. */
  const slots = Array.from({ length: workers }, () => ({ quickCrashes: 0 }));
  const running = new Map();
  const pendingRestarts = new Set();
  const server = { everListened: false, startupFailures: 0 };
  let stopping = false;
  log.info({ workers }, `${workers} web process${workers === 1 ? "" : "es"} (WEB_CONCURRENCY)`);
  const fork = (slot) => {
    const worker = cluster.fork();
    running.set(worker.id, { slot, startedMs: Date.now() });
  };
  for (let slot = 0; slot < workers; slot++) fork(slot);
  cluster.on("listening", () => {
    server.everListened = true;
    server.startupFailures = 0;
  });
  cluster.on("exit", (worker, code, signal) => {
    const started = running.get(worker.id);
    running.delete(worker.id);
    if (stopping || !started) return;
    const how = signal ?? `code ${code}`;
    if (!server.everListened) {
      server.startupFailures++;
      if (shouldGiveUp(server)) {
        log.fatal(
          { startupFailures: server.startupFailures, exit: how },
          `${server.startupFailures} web processes in a row exited (${how}) before the server ever listened — ` +
            "a fresh start cannot succeed (is the app built? is the environment valid? see above); stopping",
        );
        stop(typeof code === "number" && code !== 0 ? code : 1);
        return;
      }
    }
    const uptimeMs = Date.now() - started.startedMs;
    const plan = planRestart(slots[started.slot], { uptimeMs });
    slots[started.slot] = plan;
    const loop = plan.delayMs >= RESTART_POLICY.maxDelayMs ? " — IT KEEPS CRASHING: read the errors above" : "";
    log.error(
      { webPid: worker.process.pid, slot: started.slot, exit: how, uptimeMs, restartInMs: plan.delayMs },
      `web process ${worker.process.pid} (slot ${started.slot}) exited (${how}) after ` +
        `${(uptimeMs / 1000).toFixed(1)} s; starting another in ${plan.delayMs} ms${loop}`,
    );
    const timer = setTimeout(() => {
      pendingRestarts.delete(timer);
      if (!stopping) fork(started.slot);
    }, plan.delayMs);
    pendingRestarts.add(timer);
  });
  function stop(exitCode) {
    stopping = true;
    for (const timer of pendingRestarts) clearTimeout(timer);
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
    setTimeout(() => process.exit(exitCode), shutdown.drainMs + shutdown.graceMs + 2000).unref();
    const waitForAll = setInterval(() => {
      if (Object.keys(cluster.workers ?? {}).length === 0) {
        clearInterval(waitForAll);
        process.exit(exitCode);
      }
    }, 50);
  }
  process.on("SIGINT", () => stop(0));
  process.on("SIGTERM", () => stop(0));
}

async function runWorker() {
  const options = readOptions(process.argv.slice(2));
  process.title = "jewelguide-web (starting)";
  process.env.NODE_ENV ||= "production";
  // Tells the app (apps/web/src/env.ts) that CLIENT_ADDRESS_HEADER is ours on every request of this process.
  process.env.JEWELGUIDE_SERVE_SETS_CLIENT_ADDRESS = "1";
  const trustProxy = process.env.JEWELGUIDE_TRUST_PROXY === "1";
  const require = createRequire(path.join(appDir, "package.json"));
  const next = require("next");
  const app = next({ dev: false, dir: appDir, hostname: options.hostname ?? "localhost", port: options.port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const shutdown = readShutdownSettings();
  let draining = false;
  /** Responses not yet finished: told `Connection: close` when the process starts to stop. */
  const inFlight = new Set();
  const server = http.createServer((req, res) => {
    inFlight.add(res);
    res.on("close", () => inFlight.delete(res));
    if (draining) {
      // Keep-alive clients reconnect elsewhere; the load balancer's probe sees this process leaving.
      res.setHeader("Connection", "close");
      if (req.url === "/readyz") {
        res.statusCode = 503;
        res.setHeader("Content-Type", "application/json");
        res.setHeader("Cache-Control", "no-store");
        res.end(JSON.stringify({ status: "shutting-down", ready: false }));
        return;
      }
    }
    req.headers[CLIENT_ADDRESS_HEADER] = req.socket.remoteAddress ?? "unknown";
    if (!trustProxy) for (const name of FORWARDED_HEADERS) delete req.headers[name];
    handle(req, res).catch((error) => {
      const requestId = crypto.randomUUID();
      log.error({ requestId, method: req.method, url: req.url, err: error }, "request failed");
      if (!res.headersSent) {
        res.statusCode = 500;
        res.setHeader("X-Request-Id", requestId);
      }
      res.end();
    });
  });
  server.on("error", (error) => {
    log.fatal({ err: error }, "the web process could not listen");
    process.exit(1);
  });
  // Named as `next start` names its process once it serves: the serving benchmark and the tests find web processes
  // that are ready by it.
  server.listen(options.port, options.hostname, () => {
    process.title = "next-server (jewelguide serve.mjs)";
  });
  const stop = (signal) => {
    if (draining) return;
    draining = true;
    for (const res of inFlight) if (!res.headersSent) res.setHeader("Connection", "close");
    log.info({ signal, ...shutdown }, "shutting down: /readyz answers 503, in-flight requests finish");
    setTimeout(() => {
      server.close(() => {
        closeRuntime().finally(() => process.exit(0));
      });
      server.closeIdleConnections();
      setTimeout(() => {
        log.warn({ graceMs: shutdown.graceMs }, "requests still in flight after the grace period: closing them");
        server.closeAllConnections();
        process.exit(1);
      }, shutdown.graceMs).unref();
    }, shutdown.drainMs);
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

/**
 * Closes the database connections of the process's ServerRuntime (apps/web/src/server/server-runtime.ts), if any: the
 * impression writer's, and its job queue's (pg-boss, open only if the process queued a job).
 */
async function closeRuntime() {
  const runtime = globalThis.jewelguideRuntime;
  if (!runtime) return;
  await Promise.allSettled([
    runtime.db.$disconnect(),
    runtime.sql.close(),
    runtime.exploration?.impressions.close(),
    runtime.jobs?.close(),
  ]);
}

if (cluster.isPrimary) {
  try {
    readOptions(process.argv.slice(2));
    readShutdownSettings();
    runPrimary();
  } catch (error) {
    log.fatal(error instanceof Error ? error.message : String(error));
    process.exit(2);
  }
} else {
  runWorker().catch((error) => {
    log.fatal({ err: error }, "the web process could not start");
    process.exit(1);
  });
}
