import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { createDb, type DbHandle } from "@jewelguide/db";
import { freePort } from "../src/free-port";
import { listProcesses } from "../src/list-processes";
import { e2eDatabaseUrl, repoRoot } from "../src/paths";
import { startWebServer, type WebServer } from "../src/start-web-server";
import { expect, test } from "../src/test";

/**
 * apps/web/scripts/serve.mjs as the shop runs it — two web processes of the real build — against a copy of the e2e
 * database (so its rate-limit counters cannot touch the other suites): a client cannot choose the address the
 * server-rendered pages rate-limit by, and killing web processes again and again neither stops the server nor leaves
 * it without processes.
 */

const BOOT_TIMEOUT_MS = 120_000;
let workDir = "";
let copy: DbHandle | undefined;
let server: WebServer | undefined;

/** The web processes of the server's process group (serve.mjs titles them `next-server`). */
function webProcessIds(groupId: number): number[] {
  return listProcesses()
    .filter((entry) => entry.processGroupId === groupId && entry.commandLine.startsWith("next-server"))
    .map((entry) => entry.pid)
    .sort((a, b) => a - b);
}

/**
 * GET on a fresh connection (no keep-alive): a pooled connection that belonged to a killed process dies with it, as
 * it would for any client; the question is whether the server answers new requests.
 */
function getStatus(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent: false }, (response) => {
      response.resume();
      response.on("end", () => resolve(response.statusCode ?? 0));
    });
    request.on("error", reject);
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Polls until `check` holds (a readiness poll, not a fixed sleep), failing with `what` after `timeoutMs`. */
async function waitFor(what: string, check: () => boolean, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

test.describe("serve.mjs", () => {
  test.beforeAll(async () => {
    test.setTimeout(BOOT_TIMEOUT_MS + 30_000);
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), "jewelguide-serve-"));
    const databaseUrl = `file:${path.join(workDir, "jewelguide.db")}`;
    const source = createDb(e2eDatabaseUrl);
    await source.db.$executeRawUnsafe(`VACUUM INTO '${path.join(workDir, "jewelguide.db")}'`);
    await source.db.$disconnect();
    copy = createDb(databaseUrl);
    // The copy starts with no rate-limit counters (the other suites' traffic counted in the e2e database).
    await copy.db.rateLimitCounter.deleteMany();
    server = await startWebServer(
      await freePort(),
      {
        ...process.env,
        DATABASE_URL: databaseUrl,
        JEWELGUIDE_DATA_DIR: path.join(workDir, "data"),
        JEWELGUIDE_SHARED_DIR: process.env.JEWELGUIDE_SHARED_DIR ?? path.resolve(repoRoot, "../shared"),
        NEXT_TELEMETRY_DISABLED: "1",
        NODE_ENV: "production",
        WEB_CONCURRENCY: "2",
      },
      BOOT_TIMEOUT_MS,
    );
    await waitFor("two web processes", () => webProcessIds(server?.pid ?? 0).length === 2);
  });

  test.afterAll(async () => {
    await server?.stop();
    await copy?.db.$disconnect();
    if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
  });

  test("rate-limits server-rendered guide questions by the socket's address, whatever address headers the client sends", async () => {
    const web = server as WebServer;
    for (let i = 0; i < 4; i++) {
      const response = await fetch(`${web.url}/guide?q=${encodeURIComponent("gold ring")}`, {
        headers: { "x-jewelguide-client-address": `203.0.113.${i}`, "x-forwarded-for": `198.51.100.${i}` },
      });
      expect(response.status).toBe(200);
      // The guide's answer streams in after the page shell: read it all, so the question has been asked.
      await response.text();
    }
    const guideCounters = () =>
      (copy as DbHandle).db.rateLimitCounter.findMany({ where: { key: { startsWith: "guide:" } } });
    // "localhost" may be reached over IPv4 and IPv6 alike: each request counts for the loopback address it came from.
    const byAddress = async () => (await guideCounters()).filter((row) => row.key.startsWith("guide:address:"));
    await expect.poll(async () => (await byAddress()).reduce((sum, row) => sum + row.count, 0)).toBe(4);
    for (const row of await byAddress()) expect(row.key).toMatch(/^guide:address:(127\.0\.0\.1|::1)$/);
    expect((await guideCounters()).some((row) => /203\.0\.113|198\.51\.100/.test(row.key))).toBe(false);
  });

  test("answers a guide question over the limit with a page that says when to ask again", async () => {
    const web = server as WebServer;
    const windowEndsMs = BigInt(Date.now() + 60_000);
    for (const address of ["127.0.0.1", "::1"]) {
      const key = `guide:address:${address}`;
      const atLimit = { count: 120, windowEndsMs, lastHitMs: BigInt(Date.now()) };
      await (copy as DbHandle).db.rateLimitCounter.upsert({
        where: { key },
        create: { key, ...atLimit },
        update: atLimit,
      });
    }
    const response = await fetch(`${web.url}/guide?q=${encodeURIComponent("gold ring")}`, {
      headers: { cookie: "lang=en" },
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/Too many questions from here in a short time\. Please ask again in \d+ s\./);
  });

  test("replaces killed web processes, again and again, and keeps answering meanwhile", async () => {
    test.setTimeout(180_000);
    const web = server as WebServer;
    const facets = `${web.url}/api/trpc/catalog.listFacets?input=${encodeURIComponent(JSON.stringify({ json: {} }))}`;
    let processes = webProcessIds(web.pid);
    // Three crashes within seconds: more than the old serve.mjs tolerated (WEB_CONCURRENCY crashes a minute).
    for (let kill = 0; kill < 3; kill++) {
      const victim = processes[0] as number;
      const survivor = processes[1] as number;
      process.kill(victim, "SIGKILL");
      await waitFor(`web process ${victim} to exit`, () => !isAlive(victim));
      for (let i = 0; i < 10; i++) expect(await getStatus(facets)).toBe(200);
      await waitFor("a replacement web process", () => {
        processes = webProcessIds(web.pid);
        return processes.length === 2 && !processes.includes(victim) && processes.includes(survivor);
      });
      expect(isAlive(web.pid)).toBe(true);
    }
    expect(await getStatus(facets)).toBe(200);
  });
});
