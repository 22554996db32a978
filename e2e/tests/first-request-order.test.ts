import fs from "node:fs";
import path from "node:path";
import { createDb } from "@jewelguide/db";
import { freePort } from "../src/free-port";
import { e2eDatabaseUrl, e2eDataDir, repoRoot, webDir } from "../src/paths";
import { startWebServer, type WebServer } from "../src/start-web-server";
import { expect, test } from "../src/test";

/**
 * The app-router pages and the Pages API (tRPC) are separate bundles in one web process, each with its own copy of
 * the workspace packages, sharing one database handle on globalThis. Whichever bundle answers first must not break the
 * other: a fresh `next start` that serves the tRPC GETs first then renders the pages, and another that renders the
 * pages first then serves the tRPC GETs, answer 200 to all of them. The shared e2e server cannot show this (the
 * webServer's readiness check already rendered its home page), so this file starts two fresh servers of its own on free
 * ports.
 */

const BOOT_TIMEOUT_MS = 120_000;
let productId = 0;
let productSku = "";
const servers: WebServer[] = [];

/** A file of the build that Next serves as is: the readiness poll touches neither bundle. */
function staticChunkPath(): string {
  const chunks = path.join(webDir, ".next/static/chunks");
  const file = fs.readdirSync(chunks).find((name) => name.endsWith(".js"));
  if (!file) throw new Error(`no built chunk in ${chunks}: is apps/web built?`);
  return `/_next/static/chunks/${file}`;
}

async function startFreshServer(): Promise<WebServer> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: e2eDatabaseUrl,
    JEWELGUIDE_DATA_DIR: e2eDataDir,
    JEWELGUIDE_SHARED_DIR: process.env.JEWELGUIDE_SHARED_DIR ?? path.resolve(repoRoot, "../shared"),
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_ENV: "production",
  };
  const server = await startWebServer(await freePort(), env, BOOT_TIMEOUT_MS, staticChunkPath());
  servers.push(server);
  return server;
}

/** A tRPC query over GET, as the shop's client sends it (`?input=` holding the transformer's `{ json }` envelope). */
function trpcGet(procedure: string, input: unknown): string {
  return `/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
}

const apiTargets = () => [
  trpcGet("recommendations.feed", { k: 12 }),
  trpcGet("recommendations.similar", { sku: productSku, k: 8 }),
  trpcGet("guide.ask", { text: "gold ring", k: 12 }),
];
const pageTargets = () => ["/", "/guide", `/products/${productId}`];

/**
 * Requests each target in order as one browser would: the cookies a reply sets (the signed shopper cookie) go with
 * the next requests, so later calls are a known shopper's and read their events through the SQL reader. Returns
 * "status target" lines so a failure names every answer, and whether a shopper cookie was issued on the way.
 */
async function requestInOrder(server: WebServer, targets: string[]): Promise<{ answers: string[]; shopper: boolean }> {
  const cookies = new Map<string, string>();
  const answers: string[] = [];
  for (const target of targets) {
    const cookie = [...cookies].map(([name, value]) => `${name}=${value}`).join("; ");
    const response = await fetch(`${server.url}${target}`, {
      headers: cookie ? { cookie } : {},
      redirect: "manual",
      signal: AbortSignal.timeout(60_000),
    });
    await response.arrayBuffer();
    for (const line of response.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const separator = pair.indexOf("=");
      if (separator > 0) cookies.set(pair.slice(0, separator).trim(), pair.slice(separator + 1).trim());
    }
    answers.push(`${response.status} ${target}`);
  }
  return { answers, shopper: cookies.has("jg_shopper") };
}

const allOk = (targets: string[]) => targets.map((target) => `200 ${target}`);

test.beforeAll(async () => {
  const { db, sql } = createDb(e2eDatabaseUrl);
  try {
    const product = await db.product.findFirstOrThrow({ where: { inStock: true }, orderBy: { id: "asc" } });
    productId = product.id;
    productSku = product.sku;
  } finally {
    await sql.close();
    await db.$disconnect();
  }
});

test.afterAll(async () => {
  test.setTimeout(30_000);
  await Promise.all(servers.map((server) => server.stop()));
});

test.describe("the first request of a fresh web process decides nothing", () => {
  test("tRPC feed / similar / guide first, then the pages: all 200", async () => {
    test.setTimeout(BOOT_TIMEOUT_MS + 60_000);
    const server = await startFreshServer();
    const { answers, shopper } = await requestInOrder(server, [...apiTargets(), ...pageTargets()]);
    expect(answers).toEqual(allOk([...apiTargets(), ...pageTargets()]));
    expect(shopper).toBe(true);
  });

  test("the pages first, then tRPC feed / similar / guide: all 200", async () => {
    test.setTimeout(BOOT_TIMEOUT_MS + 60_000);
    const server = await startFreshServer();
    const { answers, shopper } = await requestInOrder(server, [...pageTargets(), ...apiTargets()]);
    expect(answers).toEqual(allOk([...pageTargets(), ...apiTargets()]));
    expect(shopper).toBe(true);
  });
});
