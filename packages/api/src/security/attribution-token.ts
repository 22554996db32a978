import crypto from "node:crypto";
import { safeEqual } from "./server-secrets";

/** The lists a served recommendation can come from. */
export const RECOMMENDATION_SURFACES = ["feed", "guide", "similar", "bought-together"] as const;
export type RecommendationSurface = (typeof RECOMMENDATION_SURFACES)[number];

/** What the server served: one item of one recommendation list, to one shopper. */
export type Attribution = {
  requestId: string;
  modelVersionId: number | null;
  surface: RecommendationSurface;
  slot: number;
  productId: number;
};

/** An event may claim a served recommendation for a day after it was served; older tokens are not accepted. */
export const ATTRIBUTION_MAX_AGE_MS = 24 * 60 * 60 * 1000;
/** Clock difference between web processes that is tolerated for a token "issued in the future". */
const CLOCK_SKEW_MS = 5 * 60 * 1000;
const VERSION = "a1";
const MAC_BYTES = 16;
const REQUEST_ID = /^[A-Za-z0-9-]{1,64}$/;
const NUMBER = /^(0|[1-9]\d{0,9})$/;

/**
 * The `attribution` string of one served item: `a1.<requestId>.<modelVersionId or "">.<surface>.<slot>.<productId>.
 * <issued at, seconds base 36>.<MAC>`, the MAC being HMAC-SHA256 (ServerSecrets.attributionKey) over the payload and
 * the shopper's external id, truncated to 128 bits. The browser sends it back with impressions and clicks; the server
 * stores the request id, version, slot and surface only from a token that verifies for that shopper and product
 * (verifyAttribution). One HMAC of ~100 bytes per served item: microseconds on a 12-item feed.
 */
export function signAttribution(attribution: Attribution, shopperExternalId: string, key: Buffer, now: number): string {
  const payload = [
    VERSION,
    attribution.requestId,
    attribution.modelVersionId === null ? "" : String(attribution.modelVersionId),
    attribution.surface,
    String(attribution.slot),
    String(attribution.productId),
    Math.floor(now / 1000).toString(36),
  ].join(".");
  return `${payload}.${mac(payload, shopperExternalId, key)}`;
}

/**
 * The attribution in `token` when it was signed by this server for this shopper and this product and is at most
 * ATTRIBUTION_MAX_AGE_MS old; null otherwise (forged, altered, another shopper's, another product's, expired,
 * malformed).
 */
export function verifyAttribution(
  token: string,
  expected: { shopperExternalId: string; productId: number; key: Buffer; now: number },
): Attribution | null {
  if (token.length > 256) return null;
  const parts = token.split(".");
  if (parts.length !== 8 || parts[0] !== VERSION) return null;
  const [, requestId, version, surface, slot, productId, issued, signature] = parts as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const payload = parts.slice(0, 7).join(".");
  if (!safeEqual(signature, mac(payload, expected.shopperExternalId, expected.key))) return null;
  if (Number(productId) !== expected.productId || !NUMBER.test(productId) || !NUMBER.test(slot)) return null;
  if (!REQUEST_ID.test(requestId) || (version !== "" && !NUMBER.test(version))) return null;
  if (!isRecommendationSurface(surface)) return null;
  const issuedAt = Number.parseInt(issued, 36) * 1000;
  if (!/^[0-9a-z]{1,10}$/.test(issued) || !Number.isFinite(issuedAt)) return null;
  if (expected.now - issuedAt > ATTRIBUTION_MAX_AGE_MS || issuedAt - expected.now > CLOCK_SKEW_MS) return null;
  return {
    requestId,
    modelVersionId: version === "" ? null : Number(version),
    surface,
    slot: Number(slot),
    productId: expected.productId,
  };
}

function isRecommendationSurface(value: string): value is RecommendationSurface {
  return (RECOMMENDATION_SURFACES as readonly string[]).includes(value);
}

function mac(payload: string, shopperExternalId: string, key: Buffer): string {
  return crypto
    .createHmac("sha256", key)
    .update(`${payload}|${shopperExternalId}`)
    .digest()
    .subarray(0, MAC_BYTES)
    .toString("base64url");
}
