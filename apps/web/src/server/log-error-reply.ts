import { serverLogger } from "@jewelguide/api/logging";

/**
 * The log line of an error reply from a route outside tRPC (photos, the shopper link): one JSON line with the request
 * id the reply names in its `X-Request-Id` header. A refusal (4xx, the client's doing) is a warning with the reason;
 * a fault (5xx) is an error with the exception, its cause and stack.
 */
export function logErrorReply(entry: {
  requestId: string;
  route: string;
  status: number;
  reason: string;
  error?: unknown;
}): void {
  const { requestId, route, status, reason, error } = entry;
  if (status >= 500) serverLogger.error({ requestId, route, status, err: error }, reason);
  else serverLogger.warn({ requestId, route, status }, reason);
}
