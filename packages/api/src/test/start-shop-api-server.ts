import http from "node:http";
import type { AddressInfo } from "node:net";
import { readNodeRequestClient } from "../http/read-node-request-client";
import { createServerLogger } from "../logging/server-logger";
import type { ServerRuntime } from "../runtime/create-server-runtime";
import type { RateLimiter } from "../security/rate-limit/create-rate-limiter";
import { createShopApiHandler } from "../shop-api/create-shop-api-handler";

/**
 * The shop backends' HTTP API on a real port, as the web app mounts it (`/api/v1/…`), over a test runtime. The
 * getters are read per request, so a test can swap the rate limiter between cases.
 */
export async function startShopApiServer(options: {
  runtime: () => ServerRuntime;
  rateLimiter: () => RateLimiter;
  defaultLanguage: () => "zh" | "en";
}): Promise<{ baseUrl: string; close(): Promise<void> }> {
  const handle = createShopApiHandler({
    runtime: options.runtime,
    defaultLanguage: options.defaultLanguage,
    readClient: (req) => readNodeRequestClient(req, { trustProxy: false, secrets: options.runtime().secrets }),
    rateLimiter: options.rateLimiter,
    logger: createServerLogger({ write: () => undefined }),
  });
  const server = http.createServer((req, res) => {
    void handle(req, res, new URL(req.url ?? "/", "http://localhost").pathname);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
