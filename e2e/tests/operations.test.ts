import net from "node:net";
import { type AbuseServer, startAbuseServer } from "../src/abuse/start-abuse-server";
import { freePort } from "../src/free-port";
import { expect, test } from "../src/test";

/**
 * What an operator's load balancer and supervisor rely on (docs/operations.md), against a fresh serve.mjs on its own
 * copy of the e2e shop: /healthz and /readyz, and a graceful stop — /readyz turns 503 first, the request in flight
 * still gets its answer, then the server exits 0.
 */

const DRAIN_MS = 1_500;
let server: AbuseServer | undefined;
let port = 0;

/** Sends a request's head and the first half of its body, then waits: a request the server is in the middle of. */
function startSlowRequest(body: string): { finish: () => Promise<string> } {
  const socket = net.connect(port, "127.0.0.1");
  let received = "";
  socket.setEncoding("utf8");
  socket.on("data", (chunk: string) => {
    received += chunk;
  });
  const closed = new Promise<void>((resolve, reject) => {
    socket.on("close", () => resolve());
    socket.on("error", reject);
  });
  const half = Math.floor(body.length / 2);
  socket.write(
    "POST /api/trpc/events.log HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n" +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, half)}`,
  );
  return {
    finish: async () => {
      socket.write(body.slice(half));
      await closed;
      return received;
    },
  };
}

test.describe("operating the web server", () => {
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    port = await freePort();
    server = await startAbuseServer("operations", port, {
      JEWELGUIDE_SHUTDOWN_DRAIN_MS: String(DRAIN_MS),
      JEWELGUIDE_SHUTDOWN_GRACE_MS: "20000",
    });
  });

  test.afterAll(async () => {
    await server?.stop();
  });

  test("/healthz says the process is alive (no shopper cookie); /readyz names the loaded model version", async () => {
    const web = server as AbuseServer;
    const health = await fetch(`${web.url}/healthz`);
    expect(health.status).toBe(200);
    expect(health.headers.get("set-cookie")).toBeNull();
    expect(await health.json()).toMatchObject({ status: "alive", pid: expect.any(Number) });
    const active = await web.database.db.modelVersion.findFirst({ where: { status: "active" } });
    await expect.poll(async () => (await fetch(`${web.url}/readyz`)).status, { timeout: 30_000 }).toBe(200);
    const ready = await (await fetch(`${web.url}/readyz`)).json();
    expect(ready).toMatchObject({
      status: "ready",
      ready: true,
      database: { ok: true, activeVersionId: active?.id ?? null },
      model: { ok: true, versionId: active?.id ?? null },
    });
  });

  test("a SIGTERM drains: /readyz answers 503, the request in flight is answered, then the server exits 0", async () => {
    test.setTimeout(60_000);
    const web = server as AbuseServer;
    const inFlight = startSlowRequest(JSON.stringify({ json: { events: [] } }));
    // The web process has the request's head and is waiting for the rest of its body.
    await new Promise((resolve) => setTimeout(resolve, 300));
    process.kill(web.primaryPid, "SIGTERM");
    await expect.poll(async () => (await fetch(`${web.url}/readyz`)).status, { timeout: DRAIN_MS }).toBe(503);
    // Past the drain the server accepts no new connection, yet the one in flight is still served.
    await new Promise((resolve) => setTimeout(resolve, DRAIN_MS + 500));
    const reply = await inFlight.finish();
    expect(reply).toMatch(/^HTTP\/1\.1 (200|400) /);
    expect(reply.toLowerCase()).toContain("connection: close");
    expect(await web.exited).toBe(0);
    await expect(fetch(`${web.url}/healthz`)).rejects.toThrow();
  });
});
