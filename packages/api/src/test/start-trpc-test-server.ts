import http from "node:http";
import type { AddressInfo } from "node:net";
import { createContext } from "../context";
import { createTrpcHttpHandler, type TrpcHttpHandlerOptions } from "../http/create-trpc-http-handler";
import { readNodeRequestClient } from "../http/read-node-request-client";
import { appRouter } from "../root";
import type { ServerRuntime } from "../runtime/create-server-runtime";
import type { RateLimiter } from "../security/rate-limit/create-rate-limiter";

export type TrpcTestServer = {
  /** `http://127.0.0.1:<port>/api/trpc`: append `/<procedure>` as the web app's clients do. */
  baseUrl: string;
  close(): Promise<void>;
};

/**
 * The tRPC endpoint over real HTTP for tests: a node:http server on a free loopback port around the same handler the
 * web app's Pages API route uses, in `runtime` (createTestRuntime: TEST_SECRETS), with no trusted proxy. `rateLimiter` is asked on
 * every request (a test may swap it between cases; none means the default limits); `onError` as the web endpoint's.
 */
export async function startTrpcTestServer(
  runtime: ServerRuntime,
  options: { rateLimiter?: () => RateLimiter; onError?: TrpcHttpHandlerOptions["onError"] } = {},
): Promise<TrpcTestServer> {
  const handle = createTrpcHttpHandler({
    router: appRouter,
    readClient: (req) => readNodeRequestClient(req, { trustProxy: false, secrets: runtime.secrets }),
    createContext: (req, client, responseHeaders) =>
      createContext({
        runtime,
        client,
        cookieHeader: req.headers.cookie ?? null,
        responseHeaders,
        rateLimiter: options.rateLimiter?.(),
      }),
    onError: options.onError,
  });
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    void handle(req, res, {
      path: decodeURIComponent(url.pathname.replace(/^\/api\/trpc\//, "")),
      input: url.searchParams.get("input") ?? undefined,
      batch: url.searchParams.get("batch") === "1",
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/trpc`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
