import {
  newWebShopperId,
  readRequestClient,
  readShopperCookie,
  SHOPPER_COOKIE,
  shopperCookieOptions,
  signShopperCookie,
} from "@jewelguide/api/security";
import type { NextRequest, NextResponse } from "next/server";
import { getEnv } from "../env";
import { getServerSecrets } from "./server-secrets";

/** The load balancer's probes (app/healthz, app/readyz): not shoppers, so no cookie. */
const HEALTH_PROBES = new Set(["/healthz", "/readyz"]);

/** Sets the issued cookie on the page's response (after NextResponse.next was built from the rewritten headers). */
export type IssuedShopperCookie = { setOn(response: NextResponse): void };

/**
 * For a page request (proxy.ts) without a valid signed `jg_shopper` cookie (none, expired, forged, another shop's):
 * a new server-made anonymous shopper (`w_` + 128 random bits), signed. The cookie goes on the request headers too,
 * replacing any invalid value, so the first server render already belongs to that shopper; `setOn` puts it on the
 * response: HttpOnly, SameSite=Lax, Secure when the request came over HTTPS (per x-forwarded-proto, only when
 * JEWELGUIDE_TRUST_PROXY=1). Null when the request already has a valid cookie, for the health probes, and for API routes (the customer link
 * route sets its own cookie; tRPC mutations issue one themselves).
 */
export function issueShopperCookie(request: NextRequest, requestHeaders: Headers): IssuedShopperCookie | null {
  const { pathname } = request.nextUrl;
  if (pathname.startsWith("/api/") || HEALTH_PROBES.has(pathname)) return null;
  const secrets = getServerSecrets();
  if (readShopperCookie(request.cookies.get(SHOPPER_COOKIE)?.value, secrets.shopperCookieKey) !== undefined) {
    return null;
  }
  const value = signShopperCookie(newWebShopperId(), secrets.shopperCookieKey);
  const others = (requestHeaders.get("cookie") ?? "")
    .split(";")
    .map((part) => part.trim())
    .filter((part) => part !== "" && part.split("=")[0]?.trim() !== SHOPPER_COOKIE);
  requestHeaders.set("cookie", [...others, `${SHOPPER_COOKIE}=${value}`].join("; "));
  // The proxy sees headers, not the socket; the server itself speaks plain HTTP (scripts/serve.mjs), so HTTPS is
  // known only from a trusted proxy's x-forwarded-proto (readRequestClient decides, as for the API).
  const { secure } = readRequestClient({
    header: (name) => request.headers.get(name),
    socketAddress: undefined,
    encrypted: false,
    trustProxy: getEnv().JEWELGUIDE_TRUST_PROXY === "1",
    secrets,
  });
  const options = shopperCookieOptions(secure);
  return {
    setOn(response) {
      response.cookies.set(SHOPPER_COOKIE, value, {
        path: options.path,
        maxAge: options.maxAge,
        sameSite: options.sameSite,
        httpOnly: options.httpOnly,
        secure: options.secure,
      });
    },
  };
}
