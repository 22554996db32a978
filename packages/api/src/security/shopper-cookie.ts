import crypto from "node:crypto";
import { safeEqual } from "./server-secrets";
import { isShopperExternalId } from "./shopper-external-id";

const VERSION = "v1";

/**
 * The `jg_shopper` cookie value: `v1.<base64url(external id)>.<base64url(HMAC-SHA256(key, "v1.<base64url id>"))>`.
 * Only the server holds the key (ServerSecrets.shopperCookieKey), so only the server can name a shopper: a browser can
 * keep the value it was given, never make or change one.
 */
export function signShopperCookie(externalId: string, key: Buffer): string {
  if (!isShopperExternalId(externalId)) throw new Error(`not a shopper id: ${JSON.stringify(externalId)}`);
  const payload = `${VERSION}.${Buffer.from(externalId, "utf8").toString("base64url")}`;
  return `${payload}.${mac(payload, key)}`;
}

/**
 * The shopper id in a `jg_shopper` cookie value, or undefined when the value is absent, malformed, of another version,
 * signed with another key or altered in any way (compared in constant time). Such a value is never trusted: the
 * request is treated as having no shopper.
 */
export function readShopperCookie(value: string | undefined, key: Buffer): string | undefined {
  if (value === undefined || value.length > 400) return undefined;
  const parts = value.split(".");
  if (parts.length !== 3 || parts[0] !== VERSION) return undefined;
  const [version, encodedId, signature] = parts as [string, string, string];
  if (!safeEqual(signature, mac(`${version}.${encodedId}`, key))) return undefined;
  const externalId = Buffer.from(encodedId, "base64url").toString("utf8");
  return isShopperExternalId(externalId) ? externalId : undefined;
}

function mac(payload: string, key: Buffer): string {
  return crypto.createHmac("sha256", key).update(payload).digest("base64url");
}
