import { createTestDatabase, type TestDatabase } from "@jewelguide/db/testing";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContext } from "../context";
import { appRouter } from "../root";
import { createTestRuntime } from "../test/create-test-runtime";
import { seedCatalog } from "../test/seed-catalog";
import { answerQueryRequest } from "./answer-query-request";

/**
 * Responses of tRPC's own fetch handler and of answerQueryRequest must be the same, byte for byte, apart from the
 * error stack traces tRPC adds outside production (they name the call sites).
 */
function withoutStacks(answer: { status: number; body: string } | undefined) {
  return answer && { status: answer.status, body: answer.body.replace(/"stack":"(?:[^"\\]|\\.)*",/g, "") };
}

describe("answerQueryRequest", () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedCatalog(database.db);
  });

  afterAll(async () => {
    await database?.drop();
  });

  const context = () =>
    createContext({
      runtime: createTestRuntime(database),
      cookieHeader: null,
      // One request id for both handlers: error replies name it.
      client: { requestId: "test-request" },
    });

  async function reference(path: string, search: string) {
    const response = await fetchRequestHandler({
      endpoint: "/api/trpc",
      req: new Request(`http://shop.test/api/trpc/${path}${search}`),
      router: appRouter,
      createContext: context,
    });
    return withoutStacks({ status: response.status, body: await response.text() });
  }

  function lean(path: string, input: string | undefined, batch = false) {
    return answerQueryRequest({ router: appRouter, path, input, batch, createContext: context });
  }

  const encode = (value: unknown) => JSON.stringify(superjson.serialize(value));

  it.each([
    ["a page of products", "catalog.listProducts", { pageSize: 3 }],
    ["a validation error (400, zod issues per field)", "catalog.listProducts", { pageSize: 0 }],
    ["a NOT_FOUND thrown by the service", "catalog.getProduct", { id: 424242 }],
    ["a procedure with its input left out", "catalog.listFacets", undefined],
  ])("answers %s like tRPC's handler", async (_name, path, value) => {
    const input = value === undefined ? undefined : encode(value);
    const search = input === undefined ? "" : `?input=${encodeURIComponent(input)}`;
    const expected = await reference(path, search);
    expect(withoutStacks(await lean(path, input))).toEqual(expected);
  });

  it("answers a batch, including a mixed one (207), like tRPC's handler", async () => {
    const ok = `{"0":${encode({ pageSize: 2 })},"1":${encode({ pageSize: 1 })}}`;
    const mixed = `{"0":${encode({ pageSize: 2 })},"1":${encode({ id: 424242 })}}`;
    for (const [path, input] of [
      ["catalog.listProducts,catalog.listProducts", ok],
      ["catalog.listProducts,catalog.getProduct", mixed],
    ] as const) {
      const expected = await reference(path, `?batch=1&input=${encodeURIComponent(input)}`);
      expect(withoutStacks(await lean(path, input, true))).toEqual(expected);
    }
    expect((await lean("catalog.listProducts,catalog.getProduct", mixed, true))?.status).toBe(207);
  });

  it("leaves mutations, unknown paths and unreadable input to tRPC's handler", async () => {
    expect(await lean("events.log", encode({ events: [] }))).toBeUndefined();
    expect(await lean("catalog.nope", undefined)).toBeUndefined();
    expect(await lean("catalog.listProducts", "{not json")).toBeUndefined();
    expect(await lean("catalog.listProducts,catalog.listProducts", "[1]", true)).toBeUndefined();
  });
});
