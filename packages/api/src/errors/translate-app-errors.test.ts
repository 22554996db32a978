import { APP_ERROR_CODES, AppError, type AppErrorCode } from "@jewelguide/db/errors";
import { TRPCError } from "@trpc/server";
import { getErrorShape, getHTTPStatusCodeFromError } from "@trpc/server/unstable-core-do-not-import";
import { describe, expect, it } from "vitest";
import type { Context } from "../context";
import type { ErrorShape } from "../http/format-error-shape";
import { createCallerFactory, createMiddleware, createTRPCRouter, publicProcedure } from "../trpc";
import { RetryLaterError } from "./retry-later-error";

const STATUS: Record<AppErrorCode, number> = {
  BAD_INPUT: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  TOO_MANY_REQUESTS: 429,
};

/** A procedure throwing what it is given, and one whose inner middleware throws (like the staff check). */
const router = createTRPCRouter({
  fail: publicProcedure.query(({ ctx }) => {
    throw (ctx as unknown as { toThrow: unknown }).toThrow;
  }),
  refusedByMiddleware: publicProcedure
    .use(
      createMiddleware(() => {
        throw new AppError("FORBIDDEN", "this needs the admin role; you are merchandiser");
      }),
    )
    .query(() => "never"),
});

async function failureOf(toThrow: unknown, path: "fail" | "refusedByMiddleware" = "fail"): Promise<TRPCError> {
  const caller = createCallerFactory(router)({ toThrow } as unknown as Context);
  try {
    await caller[path]();
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error("the call did not fail");
}

function replyTo(error: TRPCError): ErrorShape {
  return getErrorShape({
    config: router._def._config,
    error,
    ctx: undefined,
    path: "fail",
    input: undefined,
    type: "query",
  }) as ErrorShape;
}

describe("an AppError leaving a procedure", () => {
  it.each(APP_ERROR_CODES)(
    "%s becomes its tRPC code and HTTP status, its message kept for the client",
    async (code) => {
      const appError = new AppError(code, `model version 7 says ${code}`);
      const error = await failureOf(appError);
      expect(getHTTPStatusCodeFromError(error)).toBe(STATUS[code]);
      expect(error.message).toBe(`model version 7 says ${code}`);
      expect(error.cause).toBe(appError);
      expect(replyTo(error).message).toBe(`model version 7 says ${code}`);
      expect(replyTo(error).data.httpStatus).toBe(STATUS[code]);
    },
  );

  it("thrown by a middleware further in is translated too", async () => {
    const error = await failureOf(undefined, "refusedByMiddleware");
    expect(error.code).toBe("FORBIDDEN");
    expect(replyTo(error).message).toBe("this needs the admin role; you are merchandiser");
  });

  it("with a wait becomes a RetryLaterError carrying the seconds", async () => {
    const error = await failureOf(
      new AppError("TOO_MANY_REQUESTS", "too many guide questions", { retryAfterSeconds: 30 }),
    );
    expect(error).toBeInstanceOf(RetryLaterError);
    expect((error as RetryLaterError).retryAfterSeconds).toBe(30);
    expect(error.code).toBe("TOO_MANY_REQUESTS");
  });

  it("leaves any other exception a server fault with the generic reply", async () => {
    const error = await failureOf(new Error("connect ECONNREFUSED 127.0.0.1:5432"));
    expect(error.code).toBe("INTERNAL_SERVER_ERROR");
    expect(replyTo(error).message).toMatch(/^Something went wrong on our side \(request id [0-9a-f-]{36}\)\.$/);
  });
});
