import { AppError } from "@jewelguide/db/errors";

/**
 * TOO_MANY_REQUESTS (HTTP 429) with the seconds to wait, said in the message too: the rateLimited middleware turns
 * `retryAfterSeconds` into the response's `Retry-After` header, whether the limit was its own or a service's (the
 * log-in back-off).
 */
export function retryLaterError(message: string, retryAfterSeconds: number): AppError {
  return new AppError("TOO_MANY_REQUESTS", `${message}; try again in ${retryAfterSeconds} s`, { retryAfterSeconds });
}
