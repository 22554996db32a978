import { initTRPC } from "@trpc/server";
import type { Context } from "./context";
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

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure;
/** A middleware built on the one tRPC instance, usable on any procedure (the rate limits: security/rate-limit). */
export const createMiddleware = t.middleware;
