import "server-only";
import { type CookieJar, createCaller, createContextInner } from "@jewelguide/api";
import { cookies } from "next/headers";
import { cache } from "react";
import { readServerRequestClient } from "./client-address";
import { getServerRuntime } from "./server-runtime";

/**
 * The tRPC caller for server components: same procedures as the HTTP API, no network hop. One per request. Its context
 * reads the request's cookies, so the shopper is whoever the signed `jg_shopper` cookie verifies as (set by proxy.ts on
 * a first visit) — pages never pass a shopper id. Server components cannot set cookies: writes are ignored here.
 */
export const getServerCaller = cache(() => {
  const runtime = getServerRuntime();
  return createCaller(async () => {
    const store = await cookies();
    const jar: CookieJar = { get: (name) => store.get(name)?.value, set: () => undefined };
    return createContextInner({ runtime, cookies: jar, client: await readServerRequestClient() });
  });
});
