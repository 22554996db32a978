import {
  appRouter,
  createContext,
  createTrpcHttpHandler,
  logServerFault,
  readNodeRequestClient,
} from "@jewelguide/api";
import type { NextApiRequest, NextApiResponse } from "next";
import { getEnv } from "@/env";
import { isHttpsRequest, STRICT_TRANSPORT_SECURITY } from "@/server/security-headers";
import { getServerRuntime } from "@/server/server-runtime";

/**
 * The tRPC endpoint (`/api/trpc/<procedure>`). A Pages API route on purpose: Next's Node request path costs much
 * less per request than an app-router route handler (BENCHMARKS.md §4, "tRPC endpoint as a Pages API route instead of
 * an app-router route handler"), and the scoring procedures' latency target leaves no room for that overhead.
 * createTrpcHttpHandler refuses oversized batches and cross-origin mutations, answers GET queries (what the shop's
 * client and the scoring endpoints send) without the fetch Request/Response round trip, and leaves
 * everything else to tRPC's Node handler. The client's address is the socket's peer (forwarded headers only with
 * JEWELGUIDE_TRUST_PROXY=1). Everything else in the app is app router.
 */
const handleTrpcRequest = createTrpcHttpHandler({
  router: appRouter,
  readClient: (req) =>
    readNodeRequestClient(req, {
      trustProxy: getEnv().JEWELGUIDE_TRUST_PROXY === "1",
      secrets: getServerRuntime().secrets,
    }),
  createContext: (req, client, responseHeaders) =>
    createContext({ runtime: getServerRuntime(), client, cookieHeader: req.headers.cookie ?? null, responseHeaders }),
  onError: logServerFault,
});

/** tRPC reads the raw body itself (createTrpcHttpHandler: size cap, no JSON.stringify of a pre-parsed body). */
export const config = { api: { bodyParser: false } };

export default function handleRequest(req: NextApiRequest, res: NextApiResponse): Promise<void> {
  if (isHttpsRequest((name) => queryValue(req.headers[name], ", "), getEnv().JEWELGUIDE_TRUST_PROXY === "1")) {
    res.setHeader("strict-transport-security", STRICT_TRANSPORT_SECURITY);
  }
  return handleTrpcRequest(req, res, {
    path: queryValue(req.query.trpc, "/") ?? "",
    input: queryValue(req.query.input, ","),
    batch: req.query.batch === "1",
  });
}

function queryValue(value: string | string[] | undefined, separator: string): string | undefined {
  return Array.isArray(value) ? value.join(separator) : value;
}
