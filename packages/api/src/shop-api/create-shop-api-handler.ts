import type { IncomingMessage, ServerResponse } from "node:http";
import { type ApiKeyCheck, findApiKey } from "@jewelguide/db";
import type { Language } from "@jewelguide/i18n";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { findAppError } from "../errors/find-app-error";
import { toTrpcError } from "../errors/to-trpc-error";
import type { Logger } from "../logging/server-logger";
import type { RequestClient } from "../request-client";
import type { ServerRuntime } from "../runtime/create-server-runtime";
import type { RateLimiter, RateLimitSubjects } from "../security/rate-limit/create-rate-limiter";
import type { RateLimitPolicyName } from "../security/rate-limit/rate-limit-policies";
import { buildOpenApiDocument, SHOP_API_BASE_PATH } from "./build-openapi-document";
import { readJsonBody } from "./read-json-body";
import { type ShopApiError, type ShopApiErrorCode, writeError, writeJson } from "./shop-api-reply";
import { SHOP_API_ROUTES, type ShopApiRoute } from "./shop-api-routes";

export type ShopApiHandlerOptions = {
  runtime(): ServerRuntime;
  /** The server's facts about this request (address, request id): readNodeRequestClient. */
  readClient(req: IncomingMessage): RequestClient;
  /** Rate limits other than the runtime's (tests). */
  rateLimiter?(): RateLimiter;
  logger: Logger;
  /** The shop's language: a read's texts are in it unless the request names a `locale`. */
  defaultLanguage(): Language;
  routes?: readonly ShopApiRoute[];
};

const WHAT: Partial<Record<RateLimitPolicyName, string>> = {
  apiReads: "read requests",
  apiWrites: "write requests",
  apiRows: "batch rows",
};

/**
 * The shop backends' HTTP API under /api/v1, over Node's request and response (a Next Pages API route, or node:http
 * in tests). `GET /api/v1/openapi.json` serves the generated OpenAPI document to anyone; every other endpoint is a
 * POST that needs `Authorization: Bearer <key>`: an unknown or revoked key is a 401 (and is counted per address, so
 * guessing keys is rate limited), a key of the other scope a 403. Then the request is counted per key and per
 * address (429 + Retry-After over the limit), its JSON body read (≤ 1 MiB) and parsed with the endpoint's zod schema
 * (400 naming the fields), a batch's rows counted too, and the endpoint run. No cookies are read or set: a key is not
 * ambient authority a browser could be tricked into sending, so the tRPC endpoint's Origin check does not apply.
 */
export function createShopApiHandler(options: ShopApiHandlerOptions) {
  const routes = options.routes ?? SHOP_API_ROUTES;
  const byPath = new Map(routes.map((route) => [`${SHOP_API_BASE_PATH}${route.path}`, route]));
  let openApiJson: string | undefined;
  return async (req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> => {
    const client = options.readClient(req);
    const fail = (error: ShopApiError) => {
      if (error.headers?.connection === "close") res.on("finish", () => req.destroy());
      writeError(res, error, client.requestId);
    };
    try {
      if (pathname === `${SHOP_API_BASE_PATH}/openapi.json`) {
        if (req.method !== "GET" && req.method !== "HEAD") return fail(methodNotAllowed("GET"));
        openApiJson ??= JSON.stringify(buildOpenApiDocument(routes));
        res.statusCode = 200;
        res.setHeader("content-type", "application/json; charset=utf-8");
        res.end(openApiJson);
        return;
      }
      const route = byPath.get(pathname);
      if (!route) return fail({ status: 404, code: "NOT_FOUND", message: `no endpoint ${pathname}` });
      if (req.method !== "POST") return fail(methodNotAllowed("POST"));
      const runtime = options.runtime();
      const limiter = options.rateLimiter?.() ?? runtime.rateLimiter;
      const limit = async (policy: RateLimitPolicyName, subjects: RateLimitSubjects, cost = 1) => {
        const verdict = await limiter.hit(runtime.db, policy, subjects, cost);
        if (!verdict.limited) return undefined;
        const windowSeconds = Math.round(limiter.policies[policy].windowMs / 1000);
        const who = verdict.subject === "api-key" ? "API key" : "address";
        return {
          status: 429,
          code: "TOO_MANY_REQUESTS",
          message: `too many ${WHAT[policy]} from this ${who} (at most ${verdict.limit} per ${windowSeconds} s)`,
          headers: { "retry-after": String(verdict.retryAfterSeconds) },
        } satisfies ShopApiError;
      };

      const presented = readBearer(req.headers.authorization);
      const check: ApiKeyCheck = presented ? await findApiKey(runtime.db, presented) : { ok: false, reason: "unknown" };
      if (!check.ok) {
        const limited = await limit(route.requestPolicy, { address: client.address });
        return fail(
          limited ?? {
            status: 401,
            code: "UNAUTHORIZED",
            message: !presented
              ? "send the API key as `Authorization: Bearer <key>`"
              : check.reason === "revoked"
                ? "this API key was revoked"
                : "unknown API key",
            headers: { "www-authenticate": 'Bearer realm="jewelguide"' },
          },
        );
      }
      if (check.key.scope !== route.scope) {
        return fail({
          status: 403,
          code: "FORBIDDEN",
          message: `this endpoint needs a key with scope ${route.scope}; this key's scope is ${check.key.scope}`,
        });
      }
      const subjects = { apiKeyId: check.key.id, address: client.address };
      const limited = await limit(route.requestPolicy, subjects);
      if (limited) return fail(limited);
      const body = await readJsonBody(req);
      if (!body.ok) return fail(body.error);
      const parsed = route.input.safeParse(body.value);
      if (!parsed.success) {
        return fail({
          status: 400,
          code: "BAD_REQUEST",
          message: "the body does not match the endpoint's schema (see issues and /api/v1/openapi.json)",
          issues: parsed.error.issues.map((issue) => ({
            field: [...issue.path, ...(issue.code === "unrecognized_keys" ? issue.keys : [])].map(String).join("."),
            message: issue.message,
          })),
        });
      }
      if (route.rowsOf) {
        const rowsLimited = await limit("apiRows", subjects, route.rowsOf(parsed.data));
        if (rowsLimited) return fail(rowsLimited);
      }
      writeJson(res, 200, await route.run(runtime, parsed.data, { defaultLanguage: options.defaultLanguage() }));
    } catch (error) {
      const appError = findAppError(error);
      if (appError) {
        const status = getHTTPStatusCodeFromError(toTrpcError(appError));
        return fail({ status, code: toTrpcError(appError).code as ShopApiErrorCode, message: appError.message });
      }
      options.logger.error({ requestId: client.requestId, path: pathname, err: error }, `API ${pathname} failed`);
      return fail({
        status: 500,
        code: "INTERNAL_SERVER_ERROR",
        message: `Something went wrong on our side (request id ${client.requestId}).`,
      });
    }
  };
}

function methodNotAllowed(allowed: string): ShopApiError {
  return {
    status: 405,
    code: "METHOD_NOT_SUPPORTED",
    message: `use ${allowed}`,
    headers: { allow: allowed },
  };
}

/** The key of `Authorization: Bearer <key>` (scheme case-insensitive), or undefined. */
function readBearer(header: string | undefined): string | undefined {
  const match = header?.match(/^Bearer +(\S+)\s*$/i);
  return match?.[1];
}
