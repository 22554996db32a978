import type { CookieOptions } from "../services/auth/cookie-jar";
import { SHOPPER_COOKIE } from "../services/auth/staff-cookie";
import { MIN_LINK_SECRET_LENGTH, verifyLinkToken } from "./link-token";
import type { ServerSecrets } from "./server-secrets";
import { signShopperCookie } from "./shopper-cookie";
import { shopperCookieOptions } from "./shopper-cookie-options";

export type LinkRedemption =
  | { status: 303; location: string; cookie: { name: string; value: string; options: CookieOptions } }
  | { status: 400 | 401 | 503; message: string };

const REASONS = {
  malformed: "the link token is malformed",
  "bad-signature": "the link token's signature does not match (minted with another secret, or altered)",
  expired: "the link token has expired: ask the shop's backend for a new one",
  "too-long-lived": "the link token lives longer than 10 minutes: mint tokens with a shorter lifetime",
  "bad-subject": "the link token's customer id (sub) must be 1–128 letters, digits or _ - . : @",
} as const;

/**
 * `GET /api/shopper/link?token=…&next=/path`: a browser hands in the token the shop's backend minted for its logged-in
 * customer, and gets that customer's signed shopper cookie and a redirect to `next` (a path on this site only; anything
 * else goes to `/`). 503 when linking is not configured (no JEWELGUIDE_SHOPPER_LINK_SECRET), 400 for a missing or
 * malformed token (or a signed one with an unusable customer id), 401 for a forged, altered or expired one.
 */
export function redeemShopperLink(request: {
  token: string | undefined;
  next: string | undefined;
  linkSecret: string | undefined;
  secrets: ServerSecrets;
  secure: boolean;
  now: number;
}): LinkRedemption {
  const secret = request.linkSecret?.trim();
  if (!secret) {
    return { status: 503, message: "customer linking is disabled: JEWELGUIDE_SHOPPER_LINK_SECRET is not set" };
  }
  if (secret.length < MIN_LINK_SECRET_LENGTH) {
    return {
      status: 503,
      message: `customer linking is disabled: JEWELGUIDE_SHOPPER_LINK_SECRET must be at least ${MIN_LINK_SECRET_LENGTH} characters`,
    };
  }
  if (!request.token) return { status: 400, message: "the token parameter is missing" };
  const check = verifyLinkToken(request.token, secret, request.now);
  if (!check.ok)
    return {
      status: check.reason === "malformed" || check.reason === "bad-subject" ? 400 : 401,
      message: REASONS[check.reason],
    };
  return {
    status: 303,
    location: sameSitePath(request.next),
    cookie: {
      name: SHOPPER_COOKIE,
      value: signShopperCookie(check.externalId, request.secrets.shopperCookieKey),
      options: shopperCookieOptions(request.secure),
    },
  };
}

/** `next` when it is a path on this site (`/…`, not `//host` or `/\host`, no control characters); `/` otherwise. */
export function sameSitePath(next: string | undefined): string {
  if (next === undefined || next.length > 1024) return "/";
  if (!next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f\\]/.test(next)) return "/";
  return next;
}
