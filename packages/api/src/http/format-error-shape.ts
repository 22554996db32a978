import type { TRPCError } from "@trpc/server";
import type { DefaultErrorShape } from "@trpc/server/unstable-core-do-not-import";
import { ZodError, z } from "zod";
import type { Context } from "../context";
import { errorRequestId } from "./error-request-id";
import { isServerFault, publicErrorMessage } from "./public-error-message";

export type ErrorShape = {
  message: string;
  code: DefaultErrorShape["code"];
  data: {
    code: DefaultErrorShape["data"]["code"];
    httpStatus: number;
    path?: string;
    /** Names this request in the server log, where the details of a server fault are. */
    requestId: string;
    /** A bad input's issues per field (BAD_REQUEST from an input schema), for a form to show. */
    zodError: ReturnType<typeof z.flattenError> | null;
  };
};

/**
 * The router's error formatter: what a client learns from a failed call. The message is publicErrorMessage's (generic
 * for a server fault), every reply names the request id, and no reply carries a stack or a cause. `ctx` is undefined
 * when creating the context itself failed.
 */
export function formatErrorShape(options: {
  shape: DefaultErrorShape;
  error: TRPCError;
  ctx: Pick<Context, "client"> | undefined;
}): ErrorShape {
  const { shape, error } = options;
  const requestId = errorRequestId(error, options.ctx);
  const zodError = !isServerFault(error) && error.cause instanceof ZodError ? z.flattenError(error.cause) : null;
  return {
    message: publicErrorMessage(error, requestId),
    code: shape.code,
    data: { code: shape.data.code, httpStatus: shape.data.httpStatus, path: shape.data.path, requestId, zodError },
  };
}
