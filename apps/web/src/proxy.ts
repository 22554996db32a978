import { type NextRequest, NextResponse } from "next/server";
import { isShopperId, SHOPPER_COOKIE, SHOPPER_COOKIE_MAX_AGE } from "./lib/shopper-cookie";

/**
 * Gives every new visitor a random shopper id (`jg_shopper`, same-site lax) before the page renders, so even the
 * first server-rendered feed and every event are tied to one shopper. The id is also put on this request's cookies.
 */
export function proxy(request: NextRequest) {
  if (isShopperId(request.cookies.get(SHOPPER_COOKIE)?.value)) return NextResponse.next();
  const shopperId = crypto.randomUUID().replaceAll("-", "");
  const headers = new Headers(request.headers);
  const cookie = headers.get("cookie");
  headers.set("cookie", `${cookie ? `${cookie}; ` : ""}${SHOPPER_COOKIE}=${shopperId}`);
  const response = NextResponse.next({ request: { headers } });
  response.cookies.set(SHOPPER_COOKIE, shopperId, {
    path: "/",
    maxAge: SHOPPER_COOKIE_MAX_AGE,
    sameSite: "lax",
    httpOnly: false,
  });
  return response;
}

export const config = {
  // Pages only: not the API, static files or photos.
  matcher: ["/((?!api/|_next/|media/|favicon.ico).*)"],
};
