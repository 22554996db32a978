import { createTestDatabase, type TestDatabase } from "@jewelguide/db/testing";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it as vitestIt } from "vitest";
import { createContext } from "./context";
import { appRouter } from "./root";
import { createTestRuntime } from "./test/create-test-runtime";
import { seedCatalog } from "./test/seed-catalog";
import { testDialects } from "./test/test-dialects";

describe.each(testDialects)("on $name", ({ server, skip }) => {
  const it = vitestIt.skipIf(skip);
  let database: TestDatabase;

  beforeAll(async () => {
    if (skip) return;
    database = await createTestDatabase({ postgresServerUrl: server });
    await seedCatalog(database.db);
  });

  afterAll(async () => {
    await database?.drop();
  });

  async function callOverHttp(procedure: string, input: unknown): Promise<{ status: number; body: unknown }> {
    const query = encodeURIComponent(JSON.stringify(superjson.serialize(input)));
    const request = new Request(`http://shop.test/api/trpc/${procedure}?input=${query}`);
    const response = await fetchRequestHandler({
      endpoint: "/api/trpc",
      req: request,
      router: appRouter,
      createContext: () => createContext({ runtime: createTestRuntime(database), request }),
    });
    return { status: response.status, body: await response.json() };
  }

  describe("the HTTP error shape", () => {
    it("exposes zod issues per field on BAD_REQUEST", async () => {
      const { status, body } = await callOverHttp("catalog.listProducts", { pageSize: 0, filters: { metal: "tin" } });
      expect(status).toBe(400);
      expect(body).toMatchObject({
        error: {
          json: {
            data: {
              code: "BAD_REQUEST",
              zodError: { fieldErrors: { pageSize: [expect.any(String)], filters: [expect.any(String)] } },
            },
          },
        },
      });
    });

    it("answers 404 with the id in the message and no zod issues", async () => {
      const { status, body } = await callOverHttp("catalog.getProduct", { id: 424242 });
      expect(status).toBe(404);
      expect(body).toMatchObject({
        error: { json: { message: expect.stringContaining("424242"), data: { code: "NOT_FOUND", zodError: null } } },
      });
    });

    it("serves a page of products with superjson", async () => {
      const { status, body } = await callOverHttp("catalog.listProducts", { pageSize: 2 });
      expect(status).toBe(200);
      const data = superjson.deserialize(
        (body as { result: { data: Parameters<typeof superjson.deserialize>[0] } }).result.data,
      );
      expect(data).toMatchObject({ total: 7, pageSize: 2, pageCount: 4 });
    });
  });
});
