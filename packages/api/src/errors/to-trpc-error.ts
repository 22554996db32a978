import type { AppError, AppErrorCode } from "@jewelguide/db/errors";
import { type TRPC_ERROR_CODE_KEY, TRPCError } from "@trpc/server";
import { RetryLaterError } from "./retry-later-error";

/** Each AppError code as the tRPC code (and so the HTTP status) a client receives. */
const TRPC_CODE: Record<AppErrorCode, TRPC_ERROR_CODE_KEY> = {
  BAD_INPUT: "BAD_REQUEST",
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  PRECONDITION_FAILED: "PRECONDITION_FAILED",
  TOO_MANY_REQUESTS: "TOO_MANY_REQUESTS",
};

/**
 * The tRPC error for an AppError: its code mapped, its message kept, the AppError as the cause; one that says how
 * long to wait is a RetryLaterError.
 */
export function toTrpcError(error: AppError): TRPCError {
  if (error.code === "TOO_MANY_REQUESTS" && error.retryAfterSeconds !== undefined) {
    return new RetryLaterError(error, error.retryAfterSeconds);
  }
  return new TRPCError({ code: TRPC_CODE[error.code], message: error.message, cause: error });
}
