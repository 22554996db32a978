import { type NextRequest, NextResponse } from "next/server";
import { getEnv } from "./env";
import { issueShopperCookie } from "./server/issue-shopper-cookie";
import { addPageSecurityHeaders } from "./server/page-security-headers";

/**
 * Runs before every page (and every HTML 404): puts this request's nonce Content-Security-Policy on the request (Next
 * applies the nonce to its own scripts) and on the response, with HSTS over HTTPS; and gives every new visitor a
 * server-made, signed, HttpOnly shopper cookie (`jg_shopper`, issueShopperCookie) before the page renders, so even the
 * first server-rendered feed and every event are tied to one shopper. The cookie is also put on this request's cookies.
 */
export function proxy(request: NextRequest) {
  const requestHeaders = new Headers(request.headers);
  const securityHeaders = addPageSecurityHeaders(requestHeaders, {
    trustProxy: getEnv().JEWELGUIDE_TRUST_PROXY === "1",
    allowEval: process.env.NODE_ENV === "development",
  });

  const shopperCookie = issueShopperCookie(request, requestHeaders);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  securityHeaders.forEach((value, name) => {
    response.headers.set(name, value);
  });
  shopperCookie?.setOn(response);
  return response;
}

export const config = {
  // Everything that can answer with HTML (pages, server actions, 404s): not the tRPC endpoint, the shop backends'
  // HTTP API (JSON for servers: no shopper cookie), Next's static files or photos, which never answer with HTML and
  // get their headers from next.config.ts.
  matcher: ["/((?!api/trpc/|api/v1/|_next/static/|media/).*)"],
};
