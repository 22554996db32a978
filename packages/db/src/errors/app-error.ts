/**
 * What went wrong, in the words of the caller's side of the contract. Each code is mapped to a tRPC code and an HTTP
 * status in one place (packages/api `toTrpcError`); the worker shows the message as a usage error.
 */
export const APP_ERROR_CODES = [
  "BAD_INPUT",
  "UNAUTHORIZED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "PRECONDITION_FAILED",
  "TOO_MANY_REQUESTS",
] as const;
export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

export type AppErrorOptions = {
  /** TOO_MANY_REQUESTS: how long to wait before asking again (the reply's Retry-After header). */
  retryAfterSeconds?: number;
  cause?: unknown;
};

/**
 * The one error the services, the db package and the staff checks throw for a refusal the caller can act on (bad
 * input, missing thing, conflict, failed gate, no permission, too many requests). Its message is written for that
 * caller and reaches them as it is. Anything else thrown is a server fault, which the client sees only as a generic
 * message with a request id.
 */
export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly retryAfterSeconds: number | undefined;

  constructor(code: AppErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}
