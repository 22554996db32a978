#!/usr/bin/env node
// The production web server: `next start` (the production build's own server) in WEB_CONCURRENCY processes sharing
// one port through node:cluster, so every core serves requests — one Node process uses one core. Every process loads
// the active model once and polls for a new active version on its own; shopper events are read from the database on
// every request, so any process sees what another just logged.
//
//   node scripts/serve.mjs [-p PORT] [-H HOSTNAME]      WEB_CONCURRENCY=N (default: the number of CPUs)
import cluster from "node:cluster";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function readOptions(argv) {
  const options = { port: Number(process.env.PORT ?? 3000), hostname: undefined };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if ((flag === "-p" || flag === "--port") && value !== undefined) options.port = Number(value);
    else if ((flag === "-H" || flag === "--hostname") && value !== undefined) options.hostname = value;
    else throw new Error(`serve: unknown argument '${flag}' (expected -p PORT, -H HOSTNAME)`);
    i++;
  }
  if (!Number.isInteger(options.port) || options.port <= 0 || options.port > 65535) {
    throw new Error(`serve: port must be an integer in 1..65535, got '${options.port}'`);
  }
  return options;
}

function readWorkerCount() {
  const raw = process.env.WEB_CONCURRENCY;
  if (raw === undefined || raw === "") return os.availableParallelism();
  const count = Number(raw);
  if (!Number.isInteger(count) || count < 1 || count > 64) {
    throw new Error(`serve: WEB_CONCURRENCY must be an integer in 1..64, got '${raw}'`);
  }
  return count;
}

/** More than WEB_CONCURRENCY restarts within this window means a crash loop. */
const RESTART_WINDOW_MS = 60_000;

function runPrimary() {
  const workers = readWorkerCount();
  const listening = new Set();
  const restarts = [];
  let stopping = false;
  console.log(`serve: next start in ${workers} process${workers === 1 ? "" : "es"} (WEB_CONCURRENCY)`);
  const fork = () => cluster.fork();
  for (let i = 0; i < workers; i++) fork();
  cluster.on("listening", (worker) => listening.add(worker.id));
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) return;
    const wasServing = listening.delete(worker.id);
    const now = Date.now();
    while (restarts.length > 0 && now - (restarts[0] ?? 0) > RESTART_WINDOW_MS) restarts.shift();
    // Dying before it ever listened, or dying again and again (a bad environment, a missing build), is not something
    // a restart fixes: stop with the worker's exit code instead of looping.
    if (!wasServing || restarts.length >= workers) {
      console.error(
        `serve: a web process exited (${signal ?? code}) ${wasServing ? "repeatedly" : "at startup"}; stopping`,
      );
      stop(typeof code === "number" && code !== 0 ? code : 1);
      return;
    }
    restarts.push(now);
    console.error(`serve: web process ${worker.process.pid} exited (${signal ?? code}); starting another`);
    fork();
  });
  function stop(exitCode) {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
    setTimeout(() => process.exit(exitCode), 5000).unref();
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
  const require = createRequire(path.join(appDir, "package.json"));
  const { nextStart } = require("next/dist/cli/next-start");
  await nextStart({ port: options.port, hostname: options.hostname }, appDir);
}

if (cluster.isPrimary) {
  try {
    readOptions(process.argv.slice(2));
    runPrimary();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  }
} else {
  runWorker().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
