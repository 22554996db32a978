import type { TRPCError } from "@trpc/server";
import type { Context } from "../context";
import { errorRequestId } from "./error-request-id";
import { isServerFault } from "./public-error-message";

/**
 * The tRPC endpoint's onError: a server fault's details — procedure path, the request id its reply names, and the
 * error with its cause and stack — go to the server log, since the client is told only "something went wrong". Client
 * errors (bad input, not found, too many requests) are the caller's business and are not logged.
 */
export function logServerFault(failure: { path?: string; error: TRPCError; ctx?: Pick<Context, "client"> }): void {
  if (!isServerFault(failure.error)) return;
  const requestId = errorRequestId(failure.error, failure.ctx);
  console.error(`tRPC ${failure.path ?? "?"} failed (request id ${requestId}):`, failure.error);
}
