import crypto from "node:crypto";
import type { RequestClient, ShopperIdentity } from "./request-client";
import type { ServerRuntime } from "./runtime/create-server-runtime";
import type { RateLimiter } from "./security/rate-limit/create-rate-limiter";
import { readShopperIdentity } from "./security/shopper-identity";
import { type CookieJar, createHeaderCookieJar, createMemoryCookieJar } from "./services/auth/cookie-jar";

export type { RequestClient, ShopperIdentity } from "./request-client";

/**
 * What every procedure sees. Kept free of HTTP so tests and server components can build it directly. `runtime` is the
 * process's one ServerRuntime (database, SQL reader, model serving, A/B tests, keys, rate limits); the context also
 * names its `db`, `dialect` (the few queries whose semantics differ between SQLite and PostgreSQL adapt to it) and
 * `secrets` directly. `cookies` carries the staff session cookie in and a new session cookie out. `shopper` is the
 * verified shopper of the request (none for a visitor without a valid cookie); `client` what the server knows about
 * the caller.
 */
export type CreateContextOptions = {
  runtime: ServerRuntime;
  cookies?: CookieJar;
  shopper?: ShopperIdentity;
  client?: Partial<RequestClient>;
  /** Response headers a procedure may set (Retry-After); none outside HTTP. */
  responseHeaders?: ResponseHeaderSink;
  /** Rate limits other than the runtime's (tests with their own limits and clock per request). */
  rateLimiter?: RateLimiter;
};

const ignoredResponseHeaders: ResponseHeaderSink = { append: () => undefined, set: () => undefined };

/**
 * The context without any request: used by tests, the server-side caller and the HTTP context below. The shopper is
 * `options.shopper` when the caller already verified one, otherwise whatever the signed `jg_shopper` cookie in
 * `cookies` says (readShopperIdentity: a forged, foreign or malformed value means no shopper).
 */
export function createContextInner(options: CreateContextOptions) {
  const cookies = options.cookies ?? createMemoryCookieJar();
  const { runtime } = options;
  const shopper: ShopperIdentity | undefined = options.shopper ?? readShopperIdentity(cookies, runtime.secrets);
  return {
    runtime,
    db: runtime.db,
    dialect: runtime.dialect,
    secrets: runtime.secrets,
    cookies,
    shopper,
    client: completeClient(options.client),
    responseHeaders: options.responseHeaders ?? ignoredResponseHeaders,
    rateLimiter: options.rateLimiter ?? runtime.rateLimiter,
  };
}

export type Context = ReturnType<typeof createContextInner>;

function completeClient(client: Partial<RequestClient> | undefined): RequestClient {
  return {
    address: client?.address ?? "local",
    origin: client?.origin ?? null,
    selfOrigin: client?.selfOrigin ?? null,
    secure: client?.secure ?? false,
    isWorker: client?.isWorker ?? false,
    requestId: client?.requestId ?? crypto.randomUUID(),
  };
}

/**
 * Where response headers go: the fetch adapter's `resHeaders`, or a Node response (`res.appendHeader` /
 * `res.setHeader`). Cookies are appended; single-valued headers (Retry-After) are set.
 */
export type ResponseHeaderSink = {
  append(name: string, value: string): unknown;
  set(name: string, value: string): unknown;
};

/**
 * The context of one HTTP request: cookies come from its Cookie header (a fetch `request`, or the raw `cookieHeader`
 * of a Node request), new ones go out as Set-Cookie headers.
 */
export function createContext(
  options: CreateContextOptions & {
    request?: Request;
    cookieHeader?: string | null;
  },
): Context {
  const cookieHeader = options.request ? options.request.headers.get("cookie") : options.cookieHeader;
  const cookies =
    cookieHeader !== undefined ? createHeaderCookieJar(cookieHeader, options.responseHeaders) : options.cookies;
  const secure = options.client?.secure ?? options.request?.url.startsWith("https:") ?? false;
  return createContextInner({ ...options, cookies, client: { ...options.client, secure } });
}
