import { TRPCError } from "@trpc/server";
import { getErrorShape, getTRPCErrorFromUnknown } from "@trpc/server/unstable-core-do-not-import";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createContextInner } from "../context";
import { appRouter } from "../root";
import type { ServerRuntime } from "../runtime/create-server-runtime";
import { TEST_SECRETS } from "../test/test-secrets";
import type { ErrorShape } from "./format-error-shape";

const ctx = createContextInner({
  runtime: { secrets: TEST_SECRETS } as ServerRuntime,
  client: { requestId: "req-1b2c3d4e" },
});

/** The error shape exactly as the router (trpc.ts's errorFormatter) gives it to a client. */
function shapeOf(error: TRPCError, context: typeof ctx | undefined): ErrorShape {
  return getErrorShape({
    config: appRouter._def._config,
    error,
    ctx: context,
    path: "catalog.getProduct",
    input: undefined,
    type: "query",
  }) as ErrorShape;
}

const PRISMA_MESSAGE =
  "Invalid `prisma.product.findUnique()` invocation in /srv/shop/packages/api/src/services/catalog/get-product.ts:12:5\n" +
  "The table `main.Product` does not exist in the current database.";

describe("the error formatter", () => {
  it("turns an unexpected exception into a generic message naming the request id, without stack or cause", () => {
    const shape = shapeOf(getTRPCErrorFromUnknown(new Error(PRISMA_MESSAGE)), ctx);
    expect(shape.message).toBe("Something went wrong on our side (request id req-1b2c3d4e).");
    expect(shape.data).toEqual({
      code: "INTERNAL_SERVER_ERROR",
      httpStatus: 500,
      path: "catalog.getProduct",
      requestId: "req-1b2c3d4e",
      zodError: null,
    });
    expect(JSON.stringify(shape)).not.toMatch(/prisma|main\.Product|\/srv|stack/i);
  });

  it("hides the message of every 5xx, even one a procedure wrote", () => {
    const error = new TRPCError({ code: "SERVICE_UNAVAILABLE", message: "model file /var/models/7.bin unreadable" });
    expect(shapeOf(error, ctx).message).toBe("Something went wrong on our side (request id req-1b2c3d4e).");
  });

  it("makes up one request id per error when the context could not be created, the same on every call", () => {
    const error = getTRPCErrorFromUnknown(new Error("connect ECONNREFUSED 127.0.0.1:5432"));
    const first = shapeOf(error, undefined);
    expect(first.data.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(first.message).toBe(`Something went wrong on our side (request id ${first.data.requestId}).`);
    expect(shapeOf(error, undefined).data.requestId).toBe(first.data.requestId);
  });

  it("keeps a client error's own message (BAD_REQUEST naming the field, NOT_FOUND, TOO_MANY_REQUESTS)", () => {
    const badRequest = new TRPCError({ code: "BAD_REQUEST", message: "pageSize must be at most 60" });
    expect(shapeOf(badRequest, ctx)).toMatchObject({
      message: "pageSize must be at most 60",
      data: { code: "BAD_REQUEST", httpStatus: 400, requestId: "req-1b2c3d4e", zodError: null },
    });
    expect(shapeOf(new TRPCError({ code: "NOT_FOUND", message: "no product 424242" }), ctx).message).toBe(
      "no product 424242",
    );
    expect(shapeOf(new TRPCError({ code: "TOO_MANY_REQUESTS", message: "try again in 30 s" }), ctx).message).toBe(
      "try again in 30 s",
    );
  });

  it("keeps an input schema's issues and flattens them per field", () => {
    const parsed = z.object({ pageSize: z.number().max(60) }).safeParse({ pageSize: 1000 });
    if (parsed.success) throw new Error("the schema should refuse pageSize 1000");
    const shape = shapeOf(new TRPCError({ code: "BAD_REQUEST", cause: parsed.error }), ctx);
    expect(shape.message).toContain("pageSize");
    expect(shape.data.zodError?.fieldErrors).toEqual({ pageSize: [expect.any(String)] });
  });

  it("replaces a client error's message that was inherited from a library's exception", () => {
    const shape = shapeOf(new TRPCError({ code: "BAD_REQUEST", cause: new Error(PRISMA_MESSAGE) }), ctx);
    expect(shape.message).toBe("The request was refused (BAD_REQUEST, request id req-1b2c3d4e).");
    expect(JSON.stringify(shape)).not.toMatch(/prisma|\/srv/i);
  });
});
