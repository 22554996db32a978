import type { Db, Dialect } from "@jewelguide/db";
import { type CookieJar, createHeaderCookieJar, createMemoryCookieJar } from "./services/auth/cookie-jar";

/**
 * What every procedure sees. Kept free of HTTP so tests and server components can build it directly. `dialect` is the
 * storage behind `db` (from createDb's `target`): the few queries whose semantics differ between SQLite and
 * PostgreSQL (case-insensitive text search) adapt to it. Defaults to SQLite, the embedded default. `cookies` carries
 * the staff session cookie (and the shopper cookie) in and a new session cookie out; `secureCookies` marks them
 * Secure (HTTPS deployments).
 */
export type CreateContextOptions = { db: Db; dialect?: Dialect; cookies?: CookieJar; secureCookies?: boolean };

/** The context without any request: used by tests, the server-side caller and the HTTP context below. */
export function createContextInner(options: CreateContextOptions) {
  return {
    db: options.db,
    dialect: options.dialect ?? ("sqlite" as Dialect),
    cookies: options.cookies ?? createMemoryCookieJar(),
    secureCookies: options.secureCookies ?? false,
  };
}

export type Context = ReturnType<typeof createContextInner>;

/** Where response cookies go: the fetch adapter's `resHeaders`, or a Node response (`res.appendHeader`). */
export type ResponseHeaderSink = { append(name: string, value: string): unknown };

/**
 * The context of one HTTP request: cookies come from its Cookie header (a fetch `request`, or the raw `cookieHeader`
 * of a Node request), new ones go out as Set-Cookie headers.
 */
export function createContext(
  options: CreateContextOptions & {
    request?: Request;
    cookieHeader?: string | null;
    responseHeaders?: ResponseHeaderSink;
  },
): Context {
  const cookieHeader = options.request ? options.request.headers.get("cookie") : options.cookieHeader;
  const cookies =
    cookieHeader !== undefined ? createHeaderCookieJar(cookieHeader, options.responseHeaders) : options.cookies;
  const secureCookies = options.secureCookies ?? options.request?.url.startsWith("https:") ?? false;
  return createContextInner({ db: options.db, dialect: options.dialect, cookies, secureCookies });
}
