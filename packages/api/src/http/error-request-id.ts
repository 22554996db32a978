import crypto from "node:crypto";
import type { Context } from "../context";

/** Kept on the error object itself (a registered symbol), so the log line and the reply agree without shared state. */
const REQUEST_ID = Symbol.for("jewelguide.errorRequestId");

type ErrorWithRequestId = Error & { [REQUEST_ID]?: string };

/**
 * The request id an error reply names and the server log repeats: the request's own (`ctx.client.requestId`), or,
 * when the context could not even be created, one made up once for this error and remembered on it.
 */
export function errorRequestId(error: Error, ctx: Pick<Context, "client"> | undefined): string {
  const tagged = error as ErrorWithRequestId;
  tagged[REQUEST_ID] ??= ctx?.client.requestId ?? crypto.randomUUID();
  return tagged[REQUEST_ID];
}
