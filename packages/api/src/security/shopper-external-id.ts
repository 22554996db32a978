import crypto from "node:crypto";

/** Prefix of every id the server makes up for an anonymous web visitor; imported customers' ids never have it. */
export const WEB_SHOPPER_PREFIX = "w_";

/**
 * A shopper id as the server stores it (User.externalId): a web visitor's `w_…` id or a shop's own customer id (linked
 * by the shop's backend, or imported). Letters, digits and `_ - . : @`, 1–128 characters.
 */
export const SHOPPER_EXTERNAL_ID_PATTERN = /^[A-Za-z0-9_.:@-]{1,128}$/;

/**
 * A new anonymous visitor's id: `w_` + 128 random bits (base64url). Chosen by the server only, so a browser can never
 * pick one; the prefix keeps it apart from imported customer ids (REES46 ids are numeric) and the shop's own ids.
 */
export function newWebShopperId(): string {
  return `${WEB_SHOPPER_PREFIX}${crypto.randomBytes(16).toString("base64url")}`;
}

export function isShopperExternalId(value: string): boolean {
  return SHOPPER_EXTERNAL_ID_PATTERN.test(value);
}
