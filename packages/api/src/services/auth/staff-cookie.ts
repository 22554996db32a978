import type { CookieOptions } from "./cookie-jar";

/** The dashboard session cookie: an opaque random token; the database keeps only its SHA-256. */
export const STAFF_COOKIE = "jg_staff";
/** The shopper's first-party id cookie set by the web app. */
export const SHOPPER_COOKIE = "jg_shopper";
export const STAFF_SESSION_SECONDS = 12 * 60 * 60;

export function staffCookieOptions(maxAge: number, secure: boolean): CookieOptions {
  return { httpOnly: true, sameSite: "lax", secure, path: "/", maxAge };
}
