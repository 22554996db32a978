import { TRPCError } from "@trpc/server";

/**
 * TOO_MANY_REQUESTS (HTTP 429) with the seconds to wait: the rateLimited middleware turns `retryAfterSeconds` into
 * the response's `Retry-After` header, whether the limit was its own or a service's (the log-in back-off).
 */
export class RetryLaterError extends TRPCError {
  readonly retryAfterSeconds: number;

  constructor(message: string, retryAfterSeconds: number) {
    super({ code: "TOO_MANY_REQUESTS", message: `${message}; try again in ${retryAfterSeconds} s` });
    this.name = "RetryLaterError";
    this.retryAfterSeconds = retryAfterSeconds;
  }
}
