import type { Db } from "@jewelguide/db";

/** What every procedure sees. Kept free of HTTP so tests and server components can build it directly. */
export type CreateContextOptions = { db: Db };

/** The context without any request: used by tests, the server-side caller and the HTTP context below. */
export function createContextInner(options: CreateContextOptions) {
  return { db: options.db };
}

export type Context = ReturnType<typeof createContextInner>;

/** The context of one HTTP request. Nothing request-specific is needed yet; the request is taken for later use. */
export function createContext(options: CreateContextOptions & { request?: Request }): Context {
  return createContextInner({ db: options.db });
}
