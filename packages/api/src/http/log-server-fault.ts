import type { TRPCError } from "@trpc/server";
import type { Context } from "../context";
import { type Logger, serverLogger } from "../logging/server-logger";
import { errorRequestId } from "./error-request-id";
import { isServerFault } from "./public-error-message";

/**
 * The tRPC endpoint's onError: a server fault's details — procedure path, the request id its reply names, and the
 * error with its cause and stack — go to the server log as one JSON line, since the client is told only "something
 * went wrong". Client errors (bad input, not found, too many requests) are the caller's business and are not logged.
 */
export function logServerFault(
  failure: { path?: string; error: TRPCError; ctx?: Pick<Context, "client"> },
  logger: Logger = serverLogger,
): void {
  if (!isServerFault(failure.error)) return;
  const requestId = errorRequestId(failure.error, failure.ctx);
  const path = failure.path ?? "?";
  logger.error({ requestId, path, err: failure.error }, `tRPC ${path} failed`);
}
