import { answerQueryRequest, appRouter, createContext, readRequestClient } from "@jewelguide/api";
import type { TRPCError } from "@trpc/server";
import { createNextApiHandler } from "@trpc/server/adapters/next";
import type { NextApiRequest, NextApiResponse } from "next";
import { getEnv } from "../../../env";
import { getDb } from "../../../server/db";
import { getServerSecrets } from "../../../server/server-secrets";

/**
 * The tRPC endpoint (`/api/trpc/<procedure>`). A Pages API route on purpose: Next's Node request path is about 2.4 ×
 * cheaper per request than an app-router route handler (measured with autocannon on a trivial JSON reply, 32
 * connections: 2,355 vs 980 requests/s, p99 30 vs 60 ms), and the scoring procedures' latency target leaves no room
 * for that overhead. GET queries (what the shop's client and the scoring endpoints send) are answered by
 * answerQueryRequest, tRPC's own protocol without the fetch Request/Response round trip; everything else by tRPC's
 * Next adapter. Everything else in the app is app router.
 */
export default async function handleTrpcRequest(req: NextApiRequest, res: NextApiResponse): Promise<void> {
  if (req.method === "GET") {
    const answer = await answerQueryRequest({
      router: appRouter,
      path: queryValue(req.query.trpc, "/") ?? "",
      input: queryValue(req.query.input, ","),
      batch: req.query.batch === "1",
      createContext: () => contextFor(req, res),
      onError: logInternalError,
    });
    if (answer) {
      res.statusCode = answer.status;
      res.setHeader("content-type", "application/json");
      res.setHeader("vary", "trpc-accept, accept");
      res.end(answer.body);
      return;
    }
  }
  await trpcHandler(req, res);
}

const trpcHandler = createNextApiHandler({
  router: appRouter,
  createContext: ({ req, res }) => contextFor(req, res),
  onError: logInternalError,
});

function contextFor(req: NextApiRequest, res: NextApiResponse) {
  const { db, target } = getDb();
  const secrets = getServerSecrets();
  const client = readRequestClient({
    header: (name) => {
      const value = req.headers[name];
      return Array.isArray(value) ? value.join(", ") : value;
    },
    socketAddress: req.socket.remoteAddress,
    encrypted: "encrypted" in req.socket && req.socket.encrypted === true,
    trustProxy: getEnv().JEWELGUIDE_TRUST_PROXY === "1",
    secrets,
  });
  return createContext({
    db,
    dialect: target.dialect,
    secrets,
    client,
    cookieHeader: req.headers.cookie ?? null,
    responseHeaders: { append: (name, value) => res.appendHeader(name, value) },
  });
}

function logInternalError({ path, error }: { path?: string; error: TRPCError }): void {
  if (error.code === "INTERNAL_SERVER_ERROR") console.error(`tRPC ${path ?? "?"} failed:`, error);
}

function queryValue(value: string | string[] | undefined, separator: string): string | undefined {
  return Array.isArray(value) ? value.join(separator) : value;
}
