import type { AppError } from "@jewelguide/db/errors";
import { TRPCError } from "@trpc/server";

/**
 * The TRPCError a TOO_MANY_REQUESTS AppError with a wait becomes (toTrpcError): in-process callers — the guide page,
 * the dashboard's log-in action — read `retryAfterSeconds` from it to say when to ask again.
 */
export class RetryLaterError extends TRPCError {
  readonly retryAfterSeconds: number;

  constructor(cause: AppError, retryAfterSeconds: number) {
    super({ code: "TOO_MANY_REQUESTS", message: cause.message, cause });
    this.name = "RetryLaterError";
    this.retryAfterSeconds = retryAfterSeconds;
  }
}
