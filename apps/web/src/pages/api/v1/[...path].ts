import { createShopApiHandler, readNodeRequestClient } from "@jewelguide/api";
import { serverLogger } from "@jewelguide/api/logging";
import type { NextApiRequest, NextApiResponse } from "next";
import { getEnv } from "@/env";
import { isHttpsRequest, STRICT_TRANSPORT_SECURITY } from "@/server/security-headers";
import { getServerRuntime } from "@/server/server-runtime";

/**
 * The shop backends' HTTP API (`/api/v1/…`, docs/http-api.md): REST endpoints with API keys, and the generated
 * OpenAPI document at `/api/v1/openapi.json`. A Pages API route like the tRPC endpoint (the same cheap Node request
 * path); the handler reads the body itself (size cap), so Next's body parser is off. No cookies, no Origin check: the
 * bearer key is sent deliberately by a server, never attached by a browser on its own.
 */
const handleShopApiRequest = createShopApiHandler({
  runtime: getServerRuntime,
  readClient: (req) =>
    readNodeRequestClient(req, {
      trustProxy: getEnv().JEWELGUIDE_TRUST_PROXY === "1",
      secrets: getServerRuntime().secrets,
    }),
  logger: serverLogger,
  defaultLanguage: () => getEnv().JEWELGUIDE_DEFAULT_LANGUAGE,
});

export const config = { api: { bodyParser: false } };

export default function handleRequest(req: NextApiRequest, res: NextApiResponse): Promise<void> {
  const header = (name: string) => {
    const value = req.headers[name];
    return Array.isArray(value) ? value.join(", ") : value;
  };
  if (isHttpsRequest(header, getEnv().JEWELGUIDE_TRUST_PROXY === "1")) {
    res.setHeader("strict-transport-security", STRICT_TRANSPORT_SECURITY);
  }
  return handleShopApiRequest(req, res, new URL(req.url ?? "/", "http://localhost").pathname);
}
