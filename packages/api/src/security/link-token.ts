import crypto from "node:crypto";
import { safeEqual } from "./server-secrets";
import { isShopperExternalId } from "./shopper-external-id";

/** A link token lives at most this long: the shop's backend mints one right before redirecting the browser. */
export const LINK_TOKEN_MAX_TTL_SECONDS = 10 * 60;
export const MIN_LINK_SECRET_LENGTH = 32;

export type LinkTokenCheck =
  | { ok: true; externalId: string; expiresAt: number }
  | { ok: false; reason: "malformed" | "bad-signature" | "expired" | "too-long-lived" | "bad-subject" };

/**
 * A shop's backend saying "this browser is my logged-in customer <sub>": `base64url(JSON {sub, exp}).base64url(
 * HMAC-SHA256(secret, first part))`, `exp` in Unix seconds. The secret (JEWELGUIDE_SHOPPER_LINK_SECRET) is shared with
 * the shop's backend only, and is not the server secret, so holding it lets the backend name customers and nothing more.
 * The worker's `link-token` command mints one for testing; README "Linking a logged-in customer" shows the recipe.
 */
export function mintLinkToken(
  customerExternalId: string,
  secret: string,
  options: { now: number; ttlSeconds: number },
): string {
  if (!isShopperExternalId(customerExternalId)) {
    throw new Error(
      `the customer id must be 1–128 letters, digits or _ - . : @ (got ${JSON.stringify(customerExternalId)})`,
    );
  }
  if (
    !Number.isInteger(options.ttlSeconds) ||
    options.ttlSeconds < 1 ||
    options.ttlSeconds > LINK_TOKEN_MAX_TTL_SECONDS
  ) {
    throw new Error(`the lifetime must be 1–${LINK_TOKEN_MAX_TTL_SECONDS} seconds (got ${options.ttlSeconds})`);
  }
  const exp = Math.floor(options.now / 1000) + options.ttlSeconds;
  const body = Buffer.from(JSON.stringify({ sub: customerExternalId, exp })).toString("base64url");
  return `${body}.${mac(body, secret)}`;
}

/**
 * Checks a link token: signed with `secret`, not expired at `now`, expiring at most LINK_TOKEN_MAX_TTL_SECONDS after
 * `now` (a token minted to live longer is refused, whoever minted it), with a well-formed customer id. Stateless: a
 * token can be redeemed again until it expires (by the same browser it was handed to), never after.
 */
export function verifyLinkToken(token: string, secret: string, now: number): LinkTokenCheck {
  if (token.length > 1024) return { ok: false, reason: "malformed" };
  const parts = token.split(".");
  if (parts.length !== 2) return { ok: false, reason: "malformed" };
  const [body, signature] = parts as [string, string];
  if (!safeEqual(signature, mac(body, secret))) return { ok: false, reason: "bad-signature" };
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
  } catch {
    return { ok: false, reason: "malformed" };
  }
  if (typeof claims !== "object" || claims === null) return { ok: false, reason: "malformed" };
  const { sub, exp } = claims as { sub?: unknown; exp?: unknown };
  if (typeof exp !== "number" || !Number.isInteger(exp)) return { ok: false, reason: "malformed" };
  if (typeof sub !== "string" || !isShopperExternalId(sub)) return { ok: false, reason: "bad-subject" };
  const nowSeconds = Math.floor(now / 1000);
  if (exp <= nowSeconds) return { ok: false, reason: "expired" };
  if (exp - nowSeconds > LINK_TOKEN_MAX_TTL_SECONDS) return { ok: false, reason: "too-long-lived" };
  return { ok: true, externalId: sub, expiresAt: exp * 1000 };
}

function mac(body: string, secret: string): string {
  return crypto.createHmac("sha256", secret).update(body).digest("base64url");
}
