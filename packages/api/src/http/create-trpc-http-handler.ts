import type { IncomingMessage, ServerResponse } from "node:http";
import type { TRPCError } from "@trpc/server";
import { nodeHTTPRequestHandler } from "@trpc/server/adapters/node-http";
import type { Context, ResponseHeaderSink } from "../context";
import { toTrpcError } from "../errors/to-trpc-error";
import type { RequestClient } from "../request-client";
import type { AppRouter } from "../root";
import { findCrossOriginRefusal } from "../security/origin-check";
import { answerQueryRequest, type QueryAnswer } from "./answer-query-request";
import { answerTrpcError } from "./answer-trpc-error";
import { findOversizedBatch, MAX_BATCH_SIZE } from "./batch-size";

/** What the web framework parsed from the URL: the procedure path(s), the raw `input` parameter and `batch=1`. */
export type TrpcCallTarget = { path: string; input: string | undefined; batch: boolean };

export type TrpcHttpHandlerOptions = {
  router: AppRouter;
  /** The server's facts about this request (readRequestClient over its headers and socket). */
  readClient(req: IncomingMessage): RequestClient;
  /** The procedures' context; `responseHeaders` writes onto this response (Set-Cookie, Retry-After). */
  createContext(req: IncomingMessage, client: RequestClient, responseHeaders: ResponseHeaderSink): Context;
  onError?(failure: { error: TRPCError; path?: string }): void;
  maxBatchSize?: number;
  /** The largest request body tRPC reads (default 1 MiB, Next's own default); larger answers 413. */
  maxBodySize?: number;
};

/**
 * The body is read by tRPC from the raw request, not parsed by the web framework first: a pre-parsed body would be
 * re-serialised with JSON.stringify, which throws (a 500) on deeply nested input, and parsed twice.
 */
const DEFAULT_MAX_BODY_SIZE = 1024 * 1024;

/**
 * The tRPC endpoint over Node's HTTP request and response (a Next Pages API route, or a plain node:http server in
 * tests). Before any procedure runs, a batch over the cap is refused (400) and a cross-origin mutation too (403);
 * then GET queries are answered by answerQueryRequest (tRPC's protocol without the fetch Request/Response round
 * trip) and everything else by tRPC's own Node handler. Both paths share one context per request, whose response
 * header sink carries a rate limit's Retry-After onto the 429.
 */
export function createTrpcHttpHandler(options: TrpcHttpHandlerOptions) {
  const maxBatchSize = options.maxBatchSize ?? MAX_BATCH_SIZE;
  return async (req: IncomingMessage & { body?: unknown }, res: ServerResponse, target: TrpcCallTarget) => {
    const client = options.readClient(req);
    const responseHeaders: ResponseHeaderSink = {
      append: (name, value) => res.appendHeader(name, value),
      set: (name, value) => res.setHeader(name, value),
    };
    const refusal =
      findOversizedBatch(target.path, target.batch, maxBatchSize) ??
      findCrossOriginRefusal({
        method: req.method ?? "GET",
        origin: client.origin,
        fetchSite: headerValue(req, "sec-fetch-site"),
        selfOrigin: client.selfOrigin,
        isWorker: client.isWorker,
      });
    if (refusal) {
      const error = toTrpcError(refusal);
      options.onError?.({ error, path: target.path });
      writeAnswer(res, answerTrpcError({ router: options.router, error, path: target.path }));
      return;
    }
    const createContext = () => options.createContext(req, client, responseHeaders);
    if (req.method === "GET") {
      const answer = await answerQueryRequest({
        router: options.router,
        path: target.path,
        input: target.input,
        batch: target.batch,
        createContext,
        onError: options.onError,
      });
      if (answer) {
        writeAnswer(res, answer);
        return;
      }
    }
    await nodeHTTPRequestHandler({
      router: options.router,
      req,
      res,
      path: target.path,
      maxBodySize: options.maxBodySize ?? DEFAULT_MAX_BODY_SIZE,
      createContext,
      onError: options.onError,
    });
  };
}

function writeAnswer(res: ServerResponse, answer: QueryAnswer): void {
  res.statusCode = answer.status;
  res.setHeader("content-type", "application/json");
  res.setHeader("vary", "trpc-accept, accept");
  res.end(answer.body);
}

function headerValue(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return (Array.isArray(value) ? value.join(", ") : value) ?? null;
}
