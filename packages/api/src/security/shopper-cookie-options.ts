import type { CookieOptions } from "../services/auth/cookie-jar";

/** A year: the shopper keeps their favourites, cart and history across visits on one browser. */
export const SHOPPER_COOKIE_MAX_AGE = 60 * 60 * 24 * 365;

/**
 * How the `jg_shopper` cookie is set: HttpOnly (page scripts never read it; the browser sends it), SameSite=Lax,
 * Secure when the request came over HTTPS (RequestClient.secure), for the whole site.
 */
export function shopperCookieOptions(secure: boolean): CookieOptions {
  return { httpOnly: true, sameSite: "lax", secure, path: "/", maxAge: SHOPPER_COOKIE_MAX_AGE };
}
