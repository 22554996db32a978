import "server-only";
import { type CookieJar, createCaller, createContextInner } from "@jewelguide/api";
import { cookies } from "next/headers";
import { readServerRequestClient } from "./client-address";
import { getServerRuntime } from "./server-runtime";

/**
 * A caller that carries the request's cookies (the staff session in `jg_staff`, the shopper's `jg_shopper`), so the
 * dashboard procedures check the role on the server, and the request's client facts (address for the log-in limits,
 * HTTPS for the session cookie's Secure flag). Cookie writes (login, logout) only work inside server actions.
 */
export async function getStaffCaller() {
  const store = await cookies();
  const jar: CookieJar = {
    get: (name) => store.get(name)?.value,
    set(name, value, options) {
      if (options.maxAge === 0) store.delete(name);
      else store.set(name, value, options);
    },
  };
  const client = await readServerRequestClient();
  return createCaller(createContextInner({ runtime: getServerRuntime(), cookies: jar, client }));
}
