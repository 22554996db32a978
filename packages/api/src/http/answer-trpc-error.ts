import type { AnyTRPCRouter, inferRouterContext, TRPCError } from "@trpc/server";
import { getErrorShape, getHTTPStatusCode, transformTRPCResponse } from "@trpc/server/unstable-core-do-not-import";
import type { QueryAnswer } from "./answer-query-request";

/**
 * The reply tRPC itself gives to a request refused as a whole (before any procedure runs): one error envelope, shaped
 * by the router's error formatter, with the error's HTTP status.
 */
export function answerTrpcError<TRouter extends AnyTRPCRouter>(options: {
  router: TRouter;
  error: TRPCError;
  path: string;
  ctx?: inferRouterContext<TRouter>;
}): QueryAnswer {
  const config = options.router._def._config;
  const shape = getErrorShape({
    config,
    ctx: options.ctx,
    error: options.error,
    input: undefined,
    path: options.path,
    type: "unknown",
  });
  const untransformed = { error: shape };
  return {
    status: getHTTPStatusCode(untransformed),
    body: JSON.stringify(transformTRPCResponse(config, untransformed)),
  };
}
