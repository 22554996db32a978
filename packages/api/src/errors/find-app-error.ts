import { AppError } from "@jewelguide/db/errors";

/**
 * The AppError behind a failure: the error itself, or the cause of the TRPCError a procedure call failed with (what
 * an in-process caller and a tRPC middleware see). Undefined for anything else.
 */
export function findAppError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  if (error instanceof Error && error.cause instanceof AppError) return error.cause;
  return undefined;
}
