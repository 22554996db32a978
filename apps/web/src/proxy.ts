import { type NextRequest, NextResponse } from "next/server";
import { issueShopperCookie } from "./server/issue-shopper-cookie";

/**
 * Gives every new visitor a server-made, signed, HttpOnly shopper cookie (`jg_shopper`, issueShopperCookie) before the
 * page renders, so even the first server-rendered feed and every event are tied to one shopper. The cookie is also put
 * on this request's cookies.
 */
export function proxy(request: NextRequest) {
  const requestHeaders = new Headers(request.headers);
  const shopperCookie = issueShopperCookie(request, requestHeaders);
  if (!shopperCookie) return NextResponse.next();
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  shopperCookie.setOn(response);
  return response;
}

export const config = {
  // Pages only: not the API, static files or photos.
  matcher: ["/((?!api/|_next/|media/|favicon.ico).*)"],
};
