import { createTestDatabase, type TestDatabase } from "@jewelguide/db/testing";
import superjson from "superjson";
import { afterAll, beforeAll, beforeEach, describe, expect, it as vitestIt } from "vitest";
import { createServerLogger } from "../logging/server-logger";
import { createTestRuntime } from "../test/create-test-runtime";
import { seedCatalog } from "../test/seed-catalog";
import { startTrpcTestServer, type TrpcTestServer } from "../test/start-trpc-test-server";
import { testDialects } from "../test/test-dialects";
import { logServerFault } from "./log-server-fault";

type ErrorReply = { error: { json: { message: string; data: { code: string; requestId: string } } } };
type LogLine = {
  level: number;
  requestId: string;
  path: string;
  msg: string;
  err: { type: string; message: string; stack: string };
};

/**
 * A real server fault over HTTP: the database lost the tables the procedures read (renamed away), so Prisma throws
 * with table names and file paths in its message. The reply must be a generic 500 naming a request id; the server
 * log (logServerFault, the web endpoint's onError) must be one JSON line naming the same id and carrying Prisma's real
 * message and the stack. Both tRPC
 * paths: GET queries (answerQueryRequest) and POST mutations (tRPC's own Node handler).
 */
describe.each(testDialects)("a server fault over HTTP on $name", ({ server: postgresServer, skip }) => {
  const it = vitestIt.skipIf(skip);
  let database: TestDatabase;
  let server: TrpcTestServer | undefined;
  let baseUrl: string;
  let productId = 0;
  /** What the server logged, one JSON line per entry (the endpoint's logger writes here instead of stdout). */
  let logged: string[] = [];
  const logger = createServerLogger({ write: (line: string) => logged.push(line) });

  beforeAll(async () => {
    if (skip) return;
    database = await createTestDatabase({ postgresServerUrl: postgresServer });
    [productId = 0] = await seedCatalog(database.db);
    await database.db.$executeRawUnsafe('ALTER TABLE "Product" RENAME TO "ProductGone"');
    await database.db.$executeRawUnsafe('ALTER TABLE "RateLimitCounter" RENAME TO "RateLimitCounterGone"');
    server = await startTrpcTestServer(createTestRuntime(database), {
      onError: (failure) => logServerFault(failure, logger),
    });
    baseUrl = server.baseUrl;
  });

  afterAll(async () => {
    await server?.close();
    await database?.drop();
  });

  beforeEach(() => {
    logged = [];
  });

  /** The reply is generic and names a request id; exactly one log line names the same id, with Prisma's message. */
  async function expectGenericReplyAndDetailedLog(response: Response, procedure: string): Promise<void> {
    const text = await response.text();
    expect(response.status, text).toBe(500);
    const reply = JSON.parse(text) as ErrorReply | ErrorReply[];
    const error = (Array.isArray(reply) ? reply[0] : reply)?.error.json;
    const requestId = error?.data.requestId ?? "";
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(error?.message).toBe(`Something went wrong on our side (request id ${requestId}).`);
    expect(error?.data.code).toBe("INTERNAL_SERVER_ERROR");
    expect(text).not.toMatch(/prisma|Gone|sqlite|postgres|node_modules|\.ts:|"stack"|\n\s+at /i);

    const lines = logged.map((line) => JSON.parse(line) as LogLine).filter((line) => line.requestId === requestId);
    expect(lines).toHaveLength(1);
    const [line] = lines;
    expect(line).toMatchObject({ level: 50, path: procedure, msg: `tRPC ${procedure} failed` });
    expect(line?.err.message).toMatch(/Product|RateLimitCounter/);
    expect(line?.err.stack).toMatch(/\n\s+at /);
  }

  it("a GET query answers a generic 500 with the request id the log names", async () => {
    const input = encodeURIComponent(JSON.stringify(superjson.serialize({ id: productId })));
    await expectGenericReplyAndDetailedLog(
      await fetch(`${baseUrl}/catalog.getProduct?input=${input}`),
      "catalog.getProduct",
    );
  });

  it("a batched GET does the same per call", async () => {
    const input = encodeURIComponent(JSON.stringify({ 0: superjson.serialize({ id: productId }) }));
    await expectGenericReplyAndDetailedLog(
      await fetch(`${baseUrl}/catalog.getProduct?batch=1&input=${input}`),
      "catalog.getProduct",
    );
  });

  it("a POST mutation (tRPC's own handler) does the same", async () => {
    const response = await fetch(`${baseUrl}/events.log`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(superjson.serialize({ events: [] })),
    });
    await expectGenericReplyAndDetailedLog(response, "events.log");
  });
});
