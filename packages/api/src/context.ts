import type { Db, Dialect } from "@jewelguide/db";

/**
 * What every procedure sees. Kept free of HTTP so tests and server components can build it directly. `dialect` is the
 * storage behind `db` (from createDb's `target`): the few queries whose semantics differ between SQLite and
 * PostgreSQL (case-insensitive text search) adapt to it. Defaults to SQLite, the embedded default.
 */
export type CreateContextOptions = { db: Db; dialect?: Dialect };

/** The context without any request: used by tests, the server-side caller and the HTTP context below. */
export function createContextInner(options: CreateContextOptions) {
  return { db: options.db, dialect: options.dialect ?? ("sqlite" as Dialect) };
}

export type Context = ReturnType<typeof createContextInner>;

/** The context of one HTTP request. Nothing request-specific is needed yet; the request is taken for later use. */
export function createContext(options: CreateContextOptions & { request?: Request }): Context {
  return createContextInner({ db: options.db, dialect: options.dialect });
}
