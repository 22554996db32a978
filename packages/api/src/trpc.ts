import { AppError } from "@jewelguide/db/errors";
import { initTRPC } from "@trpc/server";
import type { Context } from "./context";
import { toTrpcError } from "./errors/to-trpc-error";
import { formatErrorShape } from "./http/format-error-shape";
import { plainJsonTransformer } from "./plain-json-transformer";

/**
 * The one tRPC instance. superjson carries Dates across the wire (outputs that are plain JSON skip its walk:
 * plainJsonTransformer); the error formatter gives every error reply the request id, keeps internal errors' messages
 * in the server log only, and adds the flattened zod issues to BAD_REQUEST errors so a form can show which field is
 * wrong.
 */
const t = initTRPC.context<Context>().create({
  transformer: plainJsonTransformer,
  errorFormatter: formatErrorShape,
});

/**
 * The one place an AppError becomes a tRPC error: thrown by a service, the db package or a middleware further in,
 * it reaches tRPC wrapped as an internal error, and leaves this outermost middleware as the TRPCError its code maps
 * to (toTrpcError), with its own message. Everything outside — the error formatter, the server log, in-process
 * callers (pages, server actions) — sees that TRPCError, with the AppError as its cause (findAppError).
 */
const translateAppErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.code === "INTERNAL_SERVER_ERROR" && result.error.cause instanceof AppError) {
    throw toTrpcError(result.error.cause);
  }
  return result;
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
/** Every procedure starts here (so every procedure's AppErrors are translated). */
export const publicProcedure = t.procedure.use(translateAppErrors);
/** A middleware built on the one tRPC instance, usable on any procedure (the rate limits: security/rate-limit). */
export const createMiddleware = t.middleware;
