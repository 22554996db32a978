import { AppError } from "@jewelguide/db/errors";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { ZodError } from "zod";

/** A failure on the server's side (any 5xx: an unexpected exception, a database error), not the caller's. */
export function isServerFault(error: TRPCError): boolean {
  return getHTTPStatusCodeFromError(error) >= 500;
}

/**
 * The message a client may see for a failed call. A server fault says only that something went wrong and names the
 * request id (its message, stack and cause go to the server log under that id). A client error (bad input, not found,
 * too many requests…) keeps the message an AppError or an input schema wrote; a message TRPCError inherited from a
 * library's exception (it takes the cause's message when given none) may name tables, files or SQL, so it is
 * replaced too.
 */
export function publicErrorMessage(error: TRPCError, requestId: string): string {
  if (isServerFault(error)) return `Something went wrong on our side (request id ${requestId}).`;
  if (isMessageInheritedFromForeignCause(error))
    return `The request was refused (${error.code}, request id ${requestId}).`;
  return error.message;
}

/** AppErrors, input schema issues (ZodError) and nested TRPCErrors are ours; anything else is a library's words. */
function isMessageInheritedFromForeignCause(error: TRPCError): boolean {
  const cause = error.cause;
  if (cause === undefined || cause instanceof AppError || cause instanceof ZodError || cause instanceof TRPCError) {
    return false;
  }
  return cause.message === error.message;
}
