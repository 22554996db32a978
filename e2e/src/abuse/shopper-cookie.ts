import crypto from "node:crypto";

/**
 * A `jg_shopper` value exactly as the server signs one (`v1.<base64url id>.<base64url HMAC-SHA256>`, see
 * packages/api/src/security/shopper-cookie.ts), made here from the server's derived key. Only a test that knows the
 * server's secret can do this: it is the control that shows a probe would see a customer's history if it got in.
 */
export function signShopperCookieAsServer(externalId: string, shopperCookieKey: Buffer): string {
  const payload = `v1.${Buffer.from(externalId, "utf8").toString("base64url")}`;
  return `${payload}.${crypto.createHmac("sha256", shopperCookieKey).update(payload).digest("base64url")}`;
}

/** The same format signed with a key that is not the server's: what a forger can make at best. */
export function forgeShopperCookie(externalId: string): string {
  return signShopperCookieAsServer(externalId, crypto.randomBytes(32));
}
